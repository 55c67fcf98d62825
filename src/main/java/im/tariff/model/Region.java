package im.tariff.model;

/** Barrage bandwidth region (弹幕带宽地域). */
public enum Region {
    DOMESTIC("国内"),
    INTERNATIONAL("国际");

    private final String chineseName;

    Region(String chineseName) {
        this.chineseName = chineseName;
    }

    public String getChineseName() {
        return chineseName;
    }
}
