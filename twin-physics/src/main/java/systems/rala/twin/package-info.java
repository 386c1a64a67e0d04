/** The greenhouse digital twin: models, integrators, weather and prices, accounting. */
package systems.rala.twin;
