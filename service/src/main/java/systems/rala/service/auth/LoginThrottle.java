package systems.rala.service.auth;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import org.springframework.stereotype.Component;
import systems.rala.service.config.RalaProperties;
import systems.rala.service.user.UserRepository;
import systems.rala.service.web.ApiException;

/**
 * Limits password guessing (OWASP ASVS 4.0.3 V2.2.1): per account (e-mail) only failed attempts count, so
 * an account's owner is not locked out by logging in often; per client address every attempt counts, and a
 * successful login gives nothing back, so one address cannot try many accounts. Both limits are token buckets
 * in this instance's memory ({@link TokenBuckets}); with several instances each keeps its own.
 */
@Component
class LoginThrottle {

    /** Which limit refused an attempt. */
    enum Limit {
        ACCOUNT,
        ADDRESS
    }

    /** Thrown before the password is checked; carries the limit for the audit log and the metrics. */
    static final class Limited extends RuntimeException {
        private static final long serialVersionUID = 1L;

        final Limit limit;
        final Duration retryAfter;

        Limited(Limit limit, Duration retryAfter) {
            super("too many login attempts", null, false, false);
            this.limit = limit;
            this.retryAfter = retryAfter;
        }

        ApiException.TooManyRequests toApi() {
            return new ApiException.TooManyRequests("too many login attempts: try again later", retryAfter);
        }
    }

    /** One attempt that was let through: say how it ended. */
    final class Attempt {
        private final String account;

        private Attempt(String account) {
            this.account = account;
        }

        /** The password was right: the account's token is returned, the address's is kept. */
        void succeeded() {
            perAccount.giveBack(account);
        }
    }

    private final TokenBuckets perAccount;
    private final TokenBuckets perAddress;
    private final Counter limitedByAccount;
    private final Counter limitedByAddress;

    LoginThrottle(RalaProperties props, Clock clock, MeterRegistry meters) {
        RalaProperties.LoginLimit limit = props.auth().loginLimit();
        this.perAccount = new TokenBuckets(
                limit.perAccount().attempts(), limit.perAccount().window(), limit.maxTrackedKeys(), clock);
        this.perAddress = new TokenBuckets(
                limit.perAddress().attempts(), limit.perAddress().window(), limit.maxTrackedKeys(), clock);
        this.limitedByAccount = counter(meters, "account");
        this.limitedByAddress = counter(meters, "address");
    }

    private static Counter counter(MeterRegistry meters, String limit) {
        return Counter.builder("rala.login.rate.limited")
                .description("Login attempts refused by a rate limit, by the limit that refused them")
                .tag("limit", limit)
                .register(meters);
    }

    /**
     * Lets one attempt on {@code email} from {@code address} through, or refuses it.
     *
     * @throws Limited when either limit is spent; nothing is taken from the other then
     */
    Attempt begin(String email, String address) {
        String account = UserRepository.normalizeEmail(email);
        Optional<Duration> addressWait = perAddress.tryTake(address);
        if (addressWait.isPresent()) {
            limitedByAddress.increment();
            throw new Limited(Limit.ADDRESS, addressWait.get());
        }
        Optional<Duration> accountWait = perAccount.tryTake(account);
        if (accountWait.isPresent()) {
            perAddress.giveBack(address);
            limitedByAccount.increment();
            throw new Limited(Limit.ACCOUNT, accountWait.get());
        }
        return new Attempt(account);
    }
}
