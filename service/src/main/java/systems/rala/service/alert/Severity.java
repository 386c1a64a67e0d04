package systems.rala.service.alert;

/** How urgently an alert needs a person. */
public enum Severity {
    INFO,
    WARNING,
    CRITICAL
}
