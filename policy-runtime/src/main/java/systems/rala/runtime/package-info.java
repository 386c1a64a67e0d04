/** Controllers that run on site, their safety layer and the edge-service wire contract. */
package systems.rala.runtime;
