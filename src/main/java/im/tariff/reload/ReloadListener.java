package im.tariff.reload;

/**
 * Told about every reload attempt, swapped or refused. Called on the reloading thread after the swap (or
 * refusal); keep it short and do not throw (an exception is logged and ignored).
 */
@FunctionalInterface
public interface ReloadListener {

    void onReload(ReloadResult result);
}
