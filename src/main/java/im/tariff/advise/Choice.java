package im.tariff.advise;

/**
 * One add-on in a combination the advisor tries: its code and its option value (null when the add-on has no
 * option).
 */
public record Choice(String type, Long option) {

    @Override
    public String toString() {
        return option == null ? type : type + ":" + option;
    }
}
