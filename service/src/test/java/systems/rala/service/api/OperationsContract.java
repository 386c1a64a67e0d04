package systems.rala.service.api;

/** API tests of health, metrics, structured logs and the OpenAPI document. */
interface OperationsContract extends ServiceContract {}
