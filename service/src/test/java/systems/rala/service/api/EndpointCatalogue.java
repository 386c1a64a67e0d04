package systems.rala.service.api;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a method {@code List<Endpoint> name(UUID facility, String adminToken)} of a feature contract that lists
 * every facility-scoped endpoint the feature adds, for {@code facility}, creating the sub-resources the paths
 * need with the facility admin's token. {@link ApiContractTest#securityMatrix()} runs every endpoint so listed
 * against every kind of caller that must be refused, and fails when a facility-scoped handler is not listed.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
@interface EndpointCatalogue {}
