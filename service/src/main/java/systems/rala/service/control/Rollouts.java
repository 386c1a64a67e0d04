package systems.rala.service.control;

import java.io.IOException;
import java.nio.file.Files;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Service;
import systems.rala.runtime.policy.PolicyFile;
import systems.rala.runtime.wire.GatewayEvent;
import systems.rala.runtime.wire.GatewayState;
import systems.rala.runtime.wire.MessageIds;
import systems.rala.runtime.wire.PolicyAnnouncement;
import systems.rala.runtime.wire.WireCodec;
import systems.rala.service.gateway.Gateway;
import systems.rala.service.policy.PolicyRegistry;
import systems.rala.service.policy.PolicyVersion;

/**
 * Policy rollouts: a registry version announced to one gateway (retained, on its policy topic), tracked as a
 * row of kind {@code POLICY_ROLLOUT} until the gateway reports it.
 *
 * <p><b>Announced version.</b> {@code policyVersion} is {@code {name}-v{version}} of the registry (e.g. {@code
 * climate-v3}, the download's file name without {@code .onnx}), unique per facility; {@code contentHash} is the
 * policy runtime's content hash ({@code PolicyFile.contentHash}: the SHA-256 of the file with its {@code
 * rala.content_hash} entry emptied, the value that entry holds), not the SHA-256 of the file's bytes that the
 * registry keeps as the file's address and ETag.
 *
 * <p><b>What ends a rollout.</b> {@code SUCCEEDED}: a {@link GatewayState} whose {@code policyVersion} is the
 * announced one (the gateway's state names the loaded policy, so this also holds when it loaded the version
 * before), or a {@link GatewayEvent} with code {@value #LOADED}. {@code FAILED}: a {@link GatewayEvent} with code
 * {@value #REJECTED} (the gateway refused the file: download, size, hash or manifest); its {@code text} becomes
 * the reason. An event counts only when its {@code text} names the announced version as a word (e.g. {@code
 * "climate-v3: content hash mismatch"}), since events carry no version field. {@code FAILED} too: a newer
 * rollout to the same gateway supersedes an open one (the retained announcement is replaced). {@code
 * TIMED_OUT}: nothing of that by {@code rala.controls.rollout-timeout}.
 *
 * <p><b>Rollback</b> is a rollout of the previous version ({@code {"name": …, "version": n-1}}, or the alias
 * that still points at it): the gateway loads whatever the retained announcement names.
 */
@Service
public class Rollouts {

    /** Event code a gateway reports when it has loaded an announced version. */
    static final String LOADED = "policy_loaded";

    /** Event code a gateway reports when it refused an announced version. */
    static final String REJECTED = "policy_rejected";

    /** Where gateways download a version with their own credentials. */
    static final String DOWNLOAD_PATH = "/api/v1/gateway/policies/{policyId}/file";

    private final Commands commands;
    private final CommandRepository rows;
    private final PolicyRegistry registry;
    private final ControlProperties props;
    private final Environment env;

    Rollouts(
            Commands commands,
            CommandRepository rows,
            PolicyRegistry registry,
            ControlProperties props,
            Environment env) {
        this.commands = commands;
        this.rows = rows;
        this.registry = registry;
        this.props = props;
        this.env = env;
    }

    /** Announces {@code p} to the gateway; an open rollout to it is superseded (FAILED). */
    CommandRow rollout(UUID facilityId, UUID caller, Gateway gateway, PolicyVersion p) throws IOException {
        byte[] file = Files.readAllBytes(registry.file(p));
        String contentHash = PolicyFile.contentHash(file);
        String version = versionName(p);
        String id = MessageIds.newId();
        OffsetDateTime now = commands.now().truncatedTo(ChronoUnit.MILLIS);
        PolicyAnnouncement announcement = new PolicyAnnouncement(
                id, gateway.clientId(), now.toInstant(), version, contentHash, location(p.id()), file.length);
        for (CommandRow open : rows.openRollouts(gateway.clientId())) {
            commands.advance(open, CommandStatus.FAILED, "superseded by rollout " + id + " of " + version);
        }
        CommandRow row = new CommandRow(
                id,
                facilityId,
                gateway.id(),
                gateway.clientId(),
                null,
                CommandKind.POLICY_ROLLOUT,
                null,
                null,
                null,
                null,
                null,
                p.id(),
                version,
                contentHash,
                caller,
                now,
                now.plus(props.rolloutTimeout()),
                CommandStatus.QUEUED,
                null,
                now,
                null,
                null,
                null,
                WireCodec.encodeToString(announcement));
        return commands.submit(row, caller, "policy.rollout.requested");
    }

    /** The gateway's newest rollout. */
    Optional<CommandRow> last(UUID facilityId, Gateway gateway) {
        return rows.lastRollout(facilityId, gateway.clientId());
    }

    /** A state naming the loaded version ends the open rollout of that version as SUCCEEDED. */
    void stateReported(GatewayState state, UUID facilityId) {
        if (state.policyVersion() == null) {
            return;
        }
        for (CommandRow open : rows.openRollouts(state.gatewayId())) {
            if (open.facilityId().equals(facilityId) && open.policyVersion().equals(state.policyVersion())) {
                commands.advance(open.id(), CommandStatus.SUCCEEDED, null, state.gatewayId());
            }
        }
    }

    /** {@value #LOADED} and {@value #REJECTED} events that name an open rollout's version end it. */
    void eventReported(GatewayEvent event, UUID facilityId) {
        boolean loaded = LOADED.equals(event.code());
        if (!loaded && !REJECTED.equals(event.code())) {
            return;
        }
        for (CommandRow open : rows.openRollouts(event.gatewayId())) {
            if (open.facilityId().equals(facilityId) && names(event.text(), open.policyVersion())) {
                commands.advance(
                        open.id(),
                        loaded ? CommandStatus.SUCCEEDED : CommandStatus.FAILED,
                        loaded ? null : "refused by the gateway: " + event.text(),
                        event.gatewayId());
            }
        }
    }

    /** Whether {@code text} holds {@code version} as a word: not inside a longer name (climate-v1 in climate-v10). */
    static boolean names(String text, String version) {
        return Pattern.compile("(?<![A-Za-z0-9._-])" + Pattern.quote(version) + "(?![A-Za-z0-9_-]|\\.[A-Za-z0-9])")
                .matcher(text)
                .find();
    }

    /** {@code climate-v3}: the version as announced. */
    static String versionName(PolicyVersion p) {
        return p.name() + "-v" + p.version();
    }

    /** The download URL gateways are given. */
    String location(UUID policyId) {
        String base = props.publicUrl();
        if (base == null || base.isBlank()) {
            base = "http://" + host() + ":"
                    + env.getProperty("local.server.port", env.getProperty("server.port", "8080"));
        }
        if (base.endsWith("/")) {
            base = base.substring(0, base.length() - 1);
        }
        return base + DOWNLOAD_PATH.replace("{policyId}", policyId.toString());
    }

    /** {@code server.address} as a URL host; the loopback name when the service listens on every address. */
    private String host() {
        String address = env.getProperty("server.address", "").strip();
        if (address.isEmpty() || address.equals("0.0.0.0") || address.equals("::") || address.equals("[::]")) {
            return "localhost";
        }
        return address.indexOf(':') >= 0 && !address.startsWith("[") ? "[" + address + "]" : address;
    }
}
