package org.capacityhub.platform;

/**
 * One entry of the main navigation, contributed as a bean by the module that owns the capability.
 *
 * @param messageKey message bundle key of the label
 * @param path       the page it leads to
 * @param order      position in the navigation (lower first)
 * @param visibility who sees the entry
 */
public record NavigationItem(String messageKey, String path, int order, Visibility visibility) {

    public enum Visibility { SIGNED_IN, ADMINISTRATOR }

    public static NavigationItem forSignedIn(String messageKey, String path, int order) {
        return new NavigationItem(messageKey, path, order, Visibility.SIGNED_IN);
    }

    public static NavigationItem forAdministrators(String messageKey, String path, int order) {
        return new NavigationItem(messageKey, path, order, Visibility.ADMINISTRATOR);
    }
}
