package im.tariff.model;

/** The IM plan packages (套餐包). Prices and limits are in rules/, not here. */
public enum Plan {
    TRIAL("体验版"),
    PRO("专业版"),
    FLAGSHIP("旗舰版");

    private final String chineseName;

    Plan(String chineseName) {
        this.chineseName = chineseName;
    }

    public String getChineseName() {
        return chineseName;
    }

    /** Accepts the code (PRO) or the Chinese name (专业版); null when neither. */
    public static Plan parse(String text) {
        for (Plan p : values()) {
            if (p.name().equals(text) || p.chineseName.equals(text)) {
                return p;
            }
        }
        return null;
    }
}
