package systems.rala.service.config;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.env.Environment;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;
import systems.rala.service.mqtt.EmbeddedMqttBroker;

/** Prints where the service listens, so `./rala serve` tells the user which URL to open. */
@Component
class StartupBanner {

    private static final Logger log = LoggerFactory.getLogger(StartupBanner.class);

    private final Environment env;
    private final ObjectProvider<EmbeddedMqttBroker> broker;

    StartupBanner(Environment env, ObjectProvider<EmbeddedMqttBroker> broker) {
        this.env = env;
        this.broker = broker;
    }

    @EventListener(ApplicationReadyEvent.class)
    void announce() {
        String port = env.getProperty("local.server.port");
        if (port == null) {
            return;
        }
        String address = env.getProperty("server.address", "127.0.0.1");
        String root = "http://" + (address.contains(":") ? "[" + address + "]" : address) + ":" + port + "/";
        String url = root + "api/v1";
        log.info("RALA service listening on {}", url);
        System.out.println("RALA service: " + url);
        if (new ClassPathResource("static/index.html").exists()) {
            System.out.println("Dashboard:    " + root);
        }
        broker.ifAvailable(
                b -> System.out.println("MQTT broker:  " + b.url() + " (gateways log in with their id and secret)"));
    }
}
