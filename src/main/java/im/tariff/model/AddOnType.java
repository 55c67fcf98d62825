package im.tariff.model;

/** The value-added services (增值服务) a request may order. Which plan offers which, and at what price, is in rules/. */
public enum AddOnType {
    AVCHATROOM_UNLIMITED("扩展直播群创建数量至无上限"),
    GROUP_MEMBER_CAP("扩展单个群成员数上限"),
    GROUPS_PER_USER("扩展单个用户可加入群组数上限"),
    SECURITY_ADVANCED("安全打击服务 - 高级版"),
    HISTORY_STORAGE("延长历史消息存储时长");

    private final String chineseName;

    AddOnType(String chineseName) {
        this.chineseName = chineseName;
    }

    public String getChineseName() {
        return chineseName;
    }
}
