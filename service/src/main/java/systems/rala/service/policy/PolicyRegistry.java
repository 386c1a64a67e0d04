package systems.rala.service.policy;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;
import systems.rala.runtime.policy.PolicyManifest;
import systems.rala.service.audit.AuditLog;
import systems.rala.service.web.ApiException;
import tools.jackson.databind.ObjectMapper;

/**
 * The policy registry of each facility: uploads checked by the policy runtime and stored content-addressed,
 * versions numbered per name, and aliases (champion, challenger, ...) that point at one version each.
 * Callers check the caller's role first ({@code FacilityAccess}); everything here is scoped to the facility
 * given.
 */
@Service
public class PolicyRegistry {

    /** A policy name: letters, digits, '.', '_' and '-', starting with a letter or digit. */
    static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,63}");
    /** An alias: lower case, e.g. champion, challenger, canary-2. */
    static final Pattern ALIAS = Pattern.compile("[a-z][a-z0-9-]{0,31}");

    private final PolicyRepository policies;
    private final PolicyStore store;
    private final TransactionTemplate tx;
    private final AuditLog audit;
    private final Clock clock;
    private final ObjectMapper json;

    PolicyRegistry(
            PolicyRepository policies,
            PolicyStore store,
            TransactionTemplate tx,
            AuditLog audit,
            Clock clock,
            ObjectMapper json) {
        this.policies = policies;
        this.store = store;
        this.tx = tx;
        this.audit = audit;
        this.clock = clock;
        this.json = json;
    }

    /**
     * Checks and stores an uploaded file as the next version of {@code name}.
     *
     * @param declaredSize the size the request declares, bytes (-1: unknown); checked before reading
     * @throws PolicyProblems.TooLarge over the configured limit
     * @throws PolicyProblems.Unprocessable if the policy runtime refuses the file (field {@code file})
     */
    PolicyVersion upload(UUID facilityId, UUID caller, String name, long declaredSize, InputStream in)
            throws IOException {
        if (declaredSize > store.maxBytes()) {
            throw new PolicyProblems.TooLarge(
                    "file", "larger than the limit of " + PolicyStore.describe(store.maxBytes()));
        }
        try (PolicyStore.Staged staged = store.stage(in)) {
            if (staged.sizeBytes() == 0) {
                throw new PolicyProblems.Unprocessable("file", "is empty");
            }
            PolicyManifest manifest = store.check(staged);
            String manifestJson = json.writeValueAsString(ManifestView.of(manifest));
            PolicyVersion created;
            try {
                created = store.commit(
                        staged,
                        storagePath -> tx.execute(status -> {
                            int version = policies.nextVersion(facilityId, name);
                            PolicyVersion p = new PolicyVersion(
                                    UUID.randomUUID(),
                                    facilityId,
                                    name,
                                    version,
                                    staged.sha256(),
                                    staged.sizeBytes(),
                                    manifestJson,
                                    manifest.envId(),
                                    manifest.observations().size(),
                                    manifest.actions().size(),
                                    caller,
                                    now(),
                                    storagePath);
                            policies.insert(p);
                            return p;
                        }),
                        () -> policies.fileInUse(staged.sha256()));
            } catch (DuplicateKeyException e) {
                throw new ApiException.Conflict(
                        "name", "another upload of this name was recorded at the same time; retry");
            }
            audit.record(
                    caller,
                    facilityId,
                    "policy.uploaded",
                    created.label() + " sha256 " + created.sha256() + " for " + created.envId());
            return created;
        }
    }

    List<PolicyVersion> list(UUID facilityId, String name) {
        return policies.list(facilityId, name);
    }

    /** The version {@code id} of the facility; 404 otherwise. */
    PolicyVersion require(UUID facilityId, UUID id) {
        return policies.find(facilityId, id).orElseThrow(() -> new ApiException.NotFound("policy"));
    }

    /** The version {@code id} if it belongs to the facility. */
    public Optional<PolicyVersion> find(UUID facilityId, UUID id) {
        return policies.find(facilityId, id);
    }

    /** Version {@code version} of {@code name} in the facility, if there is one. */
    public Optional<PolicyVersion> find(UUID facilityId, String name, int version) {
        return policies.find(facilityId, name, version);
    }

    /** The version {@code alias} of {@code name} points at in the facility, if the alias exists. */
    public Optional<PolicyVersion> findByAlias(UUID facilityId, String name, String alias) {
        return policies.alias(facilityId, name, alias).flatMap(a -> policies.find(facilityId, a.policyId()));
    }

    /** The stored file of a version. */
    public Path file(PolicyVersion p) {
        return store.resolve(p.storagePath());
    }

    /** The names of the aliases pointing at a version. */
    List<String> aliasNames(PolicyVersion p) {
        return policies.aliasesOf(p.id()).stream()
                .map(PolicyRepository.Alias::alias)
                .toList();
    }

    /** Deletes a version; 409 while an alias points at it. The file goes once no version uses it. */
    void delete(UUID facilityId, UUID caller, UUID id) {
        PolicyVersion p = tx.execute(status -> {
            PolicyVersion found = require(facilityId, id);
            List<PolicyRepository.Alias> pointing = policies.aliasesOf(found.id());
            if (!pointing.isEmpty()) {
                throw new ApiException.Conflict(
                        "id",
                        found.label() + " is the target of "
                                + pointing.stream()
                                        .map(PolicyRepository.Alias::alias)
                                        .collect(Collectors.joining(", "))
                                + "; move or delete the alias first");
            }
            policies.delete(found.id());
            return found;
        });
        store.removeUnless(p.storagePath(), () -> policies.fileInUse(p.sha256()));
        audit.record(caller, facilityId, "policy.deleted", p.label() + " sha256 " + p.sha256());
    }

    List<PolicyRepository.Alias> aliases(UUID facilityId, String name) {
        return policies.aliases(facilityId, name);
    }

    /** Points {@code alias} of {@code name} at {@code version}, creating or moving it. */
    PolicyRepository.Alias setAlias(UUID facilityId, UUID caller, String alias, String name, int version) {
        requireAlias(alias);
        return tx.execute(status -> {
            PolicyVersion target = policies.find(facilityId, name, version)
                    .orElseThrow(() -> new PolicyProblems.Unprocessable(
                            "version", "policy " + name + " has no version " + version + " in this facility"));
            Optional<PolicyRepository.Alias> before = policies.alias(facilityId, name, alias);
            policies.setAlias(facilityId, name, alias, target.id(), caller, now());
            String detail = before.map(b -> alias + ": " + name + " v" + b.version() + " -> v" + version)
                    .orElse(alias + ": " + target.label());
            audit.record(caller, facilityId, before.isPresent() ? "policy.alias.moved" : "policy.alias.set", detail);
            return policies.alias(facilityId, name, alias).orElseThrow();
        });
    }

    void deleteAlias(UUID facilityId, UUID caller, String alias, String name) {
        requireAlias(alias);
        if (!policies.deleteAlias(facilityId, name, alias)) {
            throw new ApiException.NotFound("alias");
        }
        audit.record(caller, facilityId, "policy.alias.deleted", alias + " of " + name);
    }

    static void requireAlias(String alias) {
        if (!ALIAS.matcher(alias).matches()) {
            throw new PolicyProblems.BadRequest(
                    "alias",
                    "must be lower-case letters, digits and '-', starting with a letter, at most 32 characters");
        }
    }

    private OffsetDateTime now() {
        return OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC);
    }
}
