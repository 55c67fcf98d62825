package im.tariff.model;

/** Violation codes of SPEC 2.3, in the order violations appear on a bill. */
public enum ViolationCode {
    ADDON_NOT_AVAILABLE,
    ADDON_OPTION_INVALID,
    DOWNGRADE_TO_TRIAL,
    LIMIT_EXCEEDED
}
