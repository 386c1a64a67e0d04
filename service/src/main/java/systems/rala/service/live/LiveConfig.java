package systems.rala.service.live;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.socket.config.annotation.EnableWebSocket;
import org.springframework.web.socket.config.annotation.WebSocketConfigurer;
import org.springframework.web.socket.config.annotation.WebSocketHandlerRegistry;
import systems.rala.service.web.WebProperties;

/** Serves {@link LiveSocket} at {@link LiveSocket#PATH}; {@link LiveHandshake} decides who may connect. */
@Configuration(proxyBeanMethods = false)
@EnableWebSocket
@EnableConfigurationProperties({LiveProperties.class, WebProperties.class})
class LiveConfig implements WebSocketConfigurer {

    private final LiveSocket socket;
    private final LiveHandshake handshake;

    LiveConfig(LiveSocket socket, LiveHandshake handshake) {
        this.socket = socket;
        this.handshake = handshake;
    }

    @Override
    public void registerWebSocketHandlers(WebSocketHandlerRegistry registry) {
        registry.addHandler(socket, LiveSocket.PATH)
                .addInterceptors(handshake)
                // the origin is checked by LiveHandshake, before the token; Spring's own check would come after it
                .setAllowedOrigins("*");
    }
}
