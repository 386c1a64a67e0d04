package systems.rala.service.api;

/** API tests of zones, sensors, equipment, gateways, alerts, alert rules and daily metrics. */
interface ResourcesContract extends ServiceContract {}
