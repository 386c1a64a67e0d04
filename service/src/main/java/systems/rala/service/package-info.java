/** The RALA service: accounts, facilities, ingestion, time series, controls, alerts and the dashboard. */
package systems.rala.service;
