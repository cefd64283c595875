package org.outagedesk.base;

import jakarta.persistence.MappedSuperclass;
import org.hibernate.proxy.HibernateProxy;
import org.jspecify.annotations.Nullable;

/**
 * Base of every entity. Equality follows Vaadin's walking skeleton: two entities are equal when they are of the
 * same class and have the same non-null id; the hash code is class based so that it does not change when the
 * entity is persisted and gets its id.
 */
@MappedSuperclass
public abstract class AbstractEntity {

    public abstract @Nullable Long getId();

    @Override
    public final boolean equals(Object obj) {
        if (this == obj) {
            return true;
        }
        if (obj == null || effectiveClass(this) != effectiveClass(obj)) {
            return false;
        }
        Long id = getId();
        return id != null && id.equals(((AbstractEntity) obj).getId());
    }

    @Override
    public final int hashCode() {
        return effectiveClass(this).hashCode();
    }

    private static Class<?> effectiveClass(Object o) {
        return o instanceof HibernateProxy proxy
                ? proxy.getHibernateLazyInitializer().getPersistentClass()
                : o.getClass();
    }

    @Override
    public String toString() {
        return getClass().getSimpleName() + "#" + getId();
    }
}
