package systems.rala.service.control;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.core.io.FileSystemResource;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;
import systems.rala.service.audit.AuditLog;
import systems.rala.service.gateway.GatewayCredentials;
import systems.rala.service.gateway.GatewayIdentity;
import systems.rala.service.policy.PolicyRegistry;
import systems.rala.service.policy.PolicyVersion;
import systems.rala.service.web.ApiException;
import systems.rala.service.web.Problems;

/**
 * Where a gateway downloads an announced policy version, with its own credentials rather than a user's token:
 * HTTP Basic with its MQTT client id and secret, checked by {@link GatewayCredentials#authenticate} (constant
 * time, audited). Missing or wrong credentials are 401; a version that is not of the gateway's facility is
 * 404, like one that does not exist. The security filter chain lets {@code /api/v1/gateway/**} through without
 * a bearer token for this check to be made here.
 */
@RestController
class GatewayPolicyController {

    private static final String BASIC = "Basic ";

    private final GatewayCredentials credentials;
    private final PolicyRegistry registry;
    private final AuditLog audit;

    GatewayPolicyController(GatewayCredentials credentials, PolicyRegistry registry, AuditLog audit) {
        this.credentials = credentials;
        this.registry = registry;
        this.audit = audit;
    }

    @GetMapping(Rollouts.DOWNLOAD_PATH)
    ResponseEntity<?> download(
            @PathVariable String policyId,
            @RequestHeader(name = HttpHeaders.AUTHORIZATION, required = false) String authorization,
            @RequestHeader(name = HttpHeaders.IF_NONE_MATCH, required = false) String ifNoneMatch) {
        Optional<GatewayIdentity> gateway = basic(authorization).flatMap(c -> credentials.authenticate(c[0], c[1]));
        if (gateway.isEmpty()) {
            return ResponseEntity.status(HttpStatus.UNAUTHORIZED)
                    .header(HttpHeaders.WWW_AUTHENTICATE, "Basic realm=\"rala-gateway\", charset=\"UTF-8\"")
                    .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                    .body(Problems.of(
                            HttpStatus.UNAUTHORIZED,
                            "the gateway's client id and secret are required (HTTP Basic)",
                            List.of()));
        }
        GatewayIdentity g = gateway.get();
        PolicyVersion p = parse(policyId)
                .flatMap(id -> registry.find(g.facilityId(), id))
                .orElseThrow(() -> new ApiException.NotFound("policy"));
        String etag = "\"" + p.sha256() + "\"";
        if (ifNoneMatch != null
                && (ifNoneMatch.contains(etag) || ifNoneMatch.strip().equals("*"))) {
            return ResponseEntity.status(HttpStatus.NOT_MODIFIED).eTag(etag).build();
        }
        Path file = registry.file(p);
        if (!Files.isRegularFile(file)) {
            throw new IllegalStateException("policy file " + file + " of " + p.label() + " is missing");
        }
        audit.record(
                null,
                g.facilityId(),
                "policy.downloaded",
                "gateway " + g.clientId() + " downloaded " + p.label() + " sha256 " + p.sha256());
        String digest = Base64.getEncoder().encodeToString(HexFormat.of().parseHex(p.sha256()));
        return ResponseEntity.ok()
                .contentType(MediaType.APPLICATION_OCTET_STREAM)
                .contentLength(p.sizeBytes())
                .eTag(etag)
                .header("Repr-Digest", "sha-256=:" + digest + ":")
                .header(
                        HttpHeaders.CONTENT_DISPOSITION,
                        ContentDisposition.attachment()
                                .filename(Rollouts.versionName(p) + ".onnx")
                                .build()
                                .toString())
                .body(new FileSystemResource(file));
    }

    /** {client id, secret} from {@code Authorization: Basic base64(id:secret)}, if well formed. */
    static Optional<String[]> basic(String authorization) {
        if (authorization == null || !authorization.regionMatches(true, 0, BASIC, 0, BASIC.length())) {
            return Optional.empty();
        }
        String decoded;
        try {
            decoded = new String(
                    Base64.getDecoder()
                            .decode(authorization.substring(BASIC.length()).strip()),
                    StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
        int colon = decoded.indexOf(':');
        return colon <= 0
                ? Optional.empty()
                : Optional.of(new String[] {decoded.substring(0, colon), decoded.substring(colon + 1)});
    }

    private static Optional<UUID> parse(String id) {
        try {
            return Optional.of(UUID.fromString(id));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
