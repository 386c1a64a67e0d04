/**
 * The edge ↔ service wire contract: MQTT topics ({@link systems.rala.runtime.wire.Topics}), one record per
 * payload ({@link systems.rala.runtime.wire.WireMessage} and its seven kinds), and their JSON encoding
 * ({@link systems.rala.runtime.wire.WireCodec}) with its versioning rule. Both the gateway and the service
 * use this package, so they cannot disagree on the format; the JSON examples under
 * {@code src/test/resources/systems/rala/runtime/wire/v1/} pin it for anyone else.
 */
package systems.rala.runtime.wire;
