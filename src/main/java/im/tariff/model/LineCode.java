package im.tariff.model;

/** Charge line codes of SPEC 2.3, in the order lines appear on a bill. */
public enum LineCode {
    PLAN_FEE,
    DAU_OVERAGE,
    GROUP_OVERAGE,
    ADDON_AVCHATROOM_UNLIMITED,
    ADDON_GROUP_MEMBER_CAP,
    ADDON_GROUPS_PER_USER,
    ADDON_SECURITY_ADVANCED,
    ADDON_HISTORY_STORAGE,
    BARRAGE_BANDWIDTH_DOMESTIC,
    BARRAGE_BANDWIDTH_INTERNATIONAL
}
