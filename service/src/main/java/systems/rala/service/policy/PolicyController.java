package systems.rala.service.policy;

import com.fasterxml.jackson.annotation.JsonInclude;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.springframework.core.io.FileSystemResource;
import org.springframework.core.io.Resource;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;
import systems.rala.service.auth.CurrentUser;
import systems.rala.service.facility.FacilityAccess;
import systems.rala.service.facility.Role;
import tools.jackson.databind.ObjectMapper;

/**
 * A facility's policy registry: viewers read and download, admins upload, delete and move aliases. The
 * role check comes first in every handler, so a non-member gets 404 whatever the request carries.
 */
@RestController
@RequestMapping("/api/v1/facilities/{id}/policies")
class PolicyController {

    private final PolicyRegistry registry;
    private final FacilityAccess access;
    private final ObjectMapper json;

    PolicyController(PolicyRegistry registry, FacilityAccess access, ObjectMapper json) {
        this.registry = registry;
        this.access = access;
        this.json = json;
    }

    /**
     * A policy version. {@code manifest} only on single reads; {@code sha256} is of the file's bytes (also
     * its ETag on download).
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record PolicyView(
            UUID id,
            String name,
            int version,
            String sha256,
            long sizeBytes,
            String envId,
            int observationSize,
            int actionSize,
            UUID uploadedBy,
            OffsetDateTime uploadedAt,
            List<String> aliases,
            ManifestView manifest) {}

    record AliasView(String name, String alias, int version, UUID policyId, UUID updatedBy, OffsetDateTime updatedAt) {
        static AliasView of(PolicyRepository.Alias a) {
            return new AliasView(a.name(), a.alias(), a.version(), a.policyId(), a.updatedBy(), a.updatedAt());
        }
    }

    record AliasBody(
            @NotBlank @Pattern(regexp = "[A-Za-z0-9][A-Za-z0-9._-]{0,63}", message = "is not a policy name")
            String name,

            @NotNull @Min(1) Integer version) {}

    @PostMapping
    ResponseEntity<PolicyView> upload(
            @AuthenticationPrincipal CurrentUser caller,
            @PathVariable UUID id,
            @RequestParam(name = "file", required = false) MultipartFile file,
            @RequestParam(name = "name", required = false) String name)
            throws IOException {
        access.require(id, caller.id(), Role.ADMIN);
        if (file == null) {
            throw new PolicyProblems.BadRequest(
                    "file", "a multipart/form-data part 'file' with the exported .onnx policy is required");
        }
        String policyName = policyName(name, file.getOriginalFilename());
        PolicyVersion p;
        try (InputStream in = file.getInputStream()) {
            p = registry.upload(id, caller.id(), policyName, file.getSize(), in);
        }
        return ResponseEntity.created(URI.create("/api/v1/facilities/" + id + "/policies/" + p.id()))
                .body(view(p, registry.aliasNames(p), true));
    }

    @GetMapping
    List<PolicyView> list(
            @AuthenticationPrincipal CurrentUser caller,
            @PathVariable UUID id,
            @RequestParam(name = "name", required = false) String name) {
        access.require(id, caller.id(), Role.VIEWER);
        Map<UUID, List<String>> aliases = registry.aliases(id, name).stream()
                .collect(Collectors.groupingBy(
                        PolicyRepository.Alias::policyId,
                        Collectors.mapping(PolicyRepository.Alias::alias, Collectors.toList())));
        return registry.list(id, name).stream()
                .map(p -> view(p, aliases.getOrDefault(p.id(), List.of()), false))
                .toList();
    }

    @GetMapping("/{pid}")
    PolicyView get(@AuthenticationPrincipal CurrentUser caller, @PathVariable UUID id, @PathVariable UUID pid) {
        access.require(id, caller.id(), Role.VIEWER);
        PolicyVersion p = registry.require(id, pid);
        return view(p, registry.aliasNames(p), true);
    }

    /** The {@code .onnx} file as uploaded; ETag and Digest carry its SHA-256, If-None-Match gives 304. */
    @GetMapping("/{pid}/file")
    ResponseEntity<Resource> download(
            @AuthenticationPrincipal CurrentUser caller,
            @PathVariable UUID id,
            @PathVariable UUID pid,
            @RequestHeader(name = HttpHeaders.IF_NONE_MATCH, required = false) String ifNoneMatch) {
        access.require(id, caller.id(), Role.VIEWER);
        PolicyVersion p = registry.require(id, pid);
        String etag = "\"" + p.sha256() + "\"";
        if (ifNoneMatch != null
                && (ifNoneMatch.contains(etag) || ifNoneMatch.strip().equals("*"))) {
            return ResponseEntity.status(HttpStatus.NOT_MODIFIED).eTag(etag).build();
        }
        Path file = registry.file(p);
        if (!Files.isRegularFile(file)) {
            throw new IllegalStateException("policy file " + file + " of " + p.label() + " is missing");
        }
        String digest = Base64.getEncoder().encodeToString(HexFormat.of().parseHex(p.sha256()));
        return ResponseEntity.ok()
                .contentType(MediaType.APPLICATION_OCTET_STREAM)
                .contentLength(p.sizeBytes())
                .eTag(etag)
                // RFC 3230 Digest, and its successor RFC 9530 Repr-Digest
                .header("Digest", "sha-256=" + digest)
                .header("Repr-Digest", "sha-256=:" + digest + ":")
                .header(
                        HttpHeaders.CONTENT_DISPOSITION,
                        ContentDisposition.attachment()
                                .filename(p.name() + "-v" + p.version() + ".onnx")
                                .build()
                                .toString())
                .body(new FileSystemResource(file));
    }

    @DeleteMapping("/{pid}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void delete(@AuthenticationPrincipal CurrentUser caller, @PathVariable UUID id, @PathVariable UUID pid) {
        access.require(id, caller.id(), Role.ADMIN);
        registry.delete(id, caller.id(), pid);
    }

    @GetMapping("/aliases")
    List<AliasView> aliases(
            @AuthenticationPrincipal CurrentUser caller,
            @PathVariable UUID id,
            @RequestParam(name = "name", required = false) String name) {
        access.require(id, caller.id(), Role.VIEWER);
        return registry.aliases(id, name).stream().map(AliasView::of).toList();
    }

    @PutMapping("/aliases/{alias}")
    AliasView setAlias(
            @AuthenticationPrincipal CurrentUser caller,
            @PathVariable UUID id,
            @PathVariable String alias,
            @Valid @RequestBody AliasBody body) {
        access.require(id, caller.id(), Role.ADMIN);
        return AliasView.of(registry.setAlias(id, caller.id(), alias, body.name(), body.version()));
    }

    @DeleteMapping("/aliases/{alias}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void deleteAlias(
            @AuthenticationPrincipal CurrentUser caller,
            @PathVariable UUID id,
            @PathVariable String alias,
            @RequestParam(name = "name", required = false) String name) {
        access.require(id, caller.id(), Role.ADMIN);
        if (name == null || name.isBlank()) {
            throw new PolicyProblems.BadRequest("name", "the query parameter name (the policy's name) is required");
        }
        registry.deleteAlias(id, caller.id(), alias, name);
    }

    /** The name given, or else the uploaded file's name without {@code .onnx}. */
    private static String policyName(String given, String fileName) {
        if (given != null && !given.isBlank()) {
            String name = given.strip();
            if (!PolicyRegistry.NAME.matcher(name).matches()) {
                throw new PolicyProblems.BadRequest(
                        "name", "letters, digits, '.', '_' and '-', starting with a letter or digit, at most 64");
            }
            return name;
        }
        String stem = fileName == null
                ? ""
                : fileName.substring(Math.max(fileName.lastIndexOf('/'), fileName.lastIndexOf('\\')) + 1);
        if (stem.toLowerCase(java.util.Locale.ROOT).endsWith(".onnx")) {
            stem = stem.substring(0, stem.length() - 5);
        }
        if (!PolicyRegistry.NAME.matcher(stem).matches()) {
            throw new PolicyProblems.BadRequest(
                    "name", "the file name '" + fileName + "' does not make a policy name; give one in the field name");
        }
        return stem;
    }

    private PolicyView view(PolicyVersion p, List<String> aliases, boolean withManifest) {
        return new PolicyView(
                p.id(),
                p.name(),
                p.version(),
                p.sha256(),
                p.sizeBytes(),
                p.envId(),
                p.observationSize(),
                p.actionSize(),
                p.uploadedBy(),
                p.uploadedAt(),
                aliases,
                withManifest ? json.readValue(p.manifestJson(), ManifestView.class) : null);
    }
}
