package systems.rala.service.timeseries;

import java.time.Clock;
import javax.sql.DataSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The time-series store that {@code rala.timeseries.store} names. */
@Configuration(proxyBeanMethods = false)
class TimeSeriesConfig {

    @Bean
    TimeSeriesStore timeSeriesStore(TimeSeriesProperties props, DataSource dataSource, Clock clock) {
        return switch (props.store()) {
            case RELATIONAL -> new RelationalTimeSeriesStore(dataSource);
            case INFLUXDB -> new InfluxTimeSeriesStore(props.influx(), clock);
        };
    }
}
