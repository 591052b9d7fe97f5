package org.capacityhub.library.domain;

import org.capacityhub.planning.DeliveryMode;

/** How a resource is delivered (its format); maps one to one onto planning's {@link DeliveryMode}. */
public enum Delivery {
    ONLINE, IN_PERSON, BLENDED;

    public DeliveryMode mode() {
        return DeliveryMode.valueOf(name());
    }
}
