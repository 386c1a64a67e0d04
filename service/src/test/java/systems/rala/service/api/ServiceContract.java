package systems.rala.service.api;

/**
 * A feature's API tests, written as default methods so that the one fixture ({@link ApiContractTest}) runs
 * them on the embedded default (H2) and on the real PostgreSQL alike, in one Spring context per database.
 */
interface ServiceContract {

    /** The fixture: the service's port, the tenants and their tokens. */
    default ApiContractTest fx() {
        return (ApiContractTest) this;
    }
}
