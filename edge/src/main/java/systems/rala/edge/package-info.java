/** The edge gateway: field-bus drivers, control loop, store-and-forward messaging, virtual plant. */
package systems.rala.edge;
