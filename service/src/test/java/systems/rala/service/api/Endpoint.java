package systems.rala.service.api;

import systems.rala.service.facility.Role;

/**
 * One facility-scoped endpoint as the security matrix calls it.
 *
 * @param method the HTTP method
 * @param path the concrete path, with real ids of the facility under test and its sub-resources
 * @param body a body valid for the endpoint ({@code null}, a JSON-serialisable value, or an {@link Api.RawBody})
 * @param needed the least role in the facility that may call it
 */
record Endpoint(String method, String path, Object body, Role needed) {

    static Endpoint of(String method, String path, Object body, Role needed) {
        return new Endpoint(method, path, body, needed);
    }

    @Override
    public String toString() {
        return method + " " + path;
    }
}
