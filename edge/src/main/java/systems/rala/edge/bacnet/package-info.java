/**
 * BACnet/IP, for the gateway's driver and the virtual plant's device. This package alone uses BACnet4J
 * ({@code org.code-house.bacnet4j:ip}, which bundles BACnet4J 6.0.0), licensed under the GPL-3.0; the rest of the
 * edge module reaches it only through {@link java.util.ServiceLoader} ({@code FieldBusProvider}, {@code
 * PlantServerProvider}), so a build without this package and the library has no BACnet and nothing else missing.
 */
package systems.rala.edge.bacnet;
