package im.tariff.model;

/**
 * A usage figure that the rules compare against a plan limit or bill as overage.
 * The names are the limit codes of SPEC 1.4; the caps themselves are in rules/.
 */
public enum Metric {
    USERS("注册用户数"),
    FRIENDS_PER_USER("单个用户好友人数"),
    GROUPS_JOINED_PER_USER("单个用户可加入群组数"),
    MEMBERS_PER_GROUP("单个群成员数（非直播群）"),
    TOTAL_GROUPS("群组总数（解散后不计）"),
    AVCHATROOMS("直播群个数"),
    DAILY_NET_NEW_GROUPS("日净增群组数"),
    DAILY_BROADCAST_GROUPS("日净增在线成员广播大群数"),
    DAU("峰值 DAU"),
    PEAK_GROUPS("峰值群组数");

    private final String label;

    Metric(String label) {
        this.label = label;
    }

    public String getLabel() {
        return label;
    }
}
