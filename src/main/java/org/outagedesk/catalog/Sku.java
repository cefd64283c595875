package org.outagedesk.catalog;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import org.jspecify.annotations.Nullable;
import org.outagedesk.base.AbstractEntity;

/** A sellable device: one model in one colour, part of a device family such as SIDEKICK. */
@Entity
@Table(name = "sku")
public class Sku extends AbstractEntity {

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "sku_seq")
    @SequenceGenerator(name = "sku_seq", sequenceName = "sku_seq", allocationSize = 50)
    private @Nullable Long id;

    @Column(nullable = false, unique = true, length = 64)
    private String code;

    @Column(nullable = false, length = 100)
    private String model;

    @Column(nullable = false, length = 50)
    private String colour;

    @Column(nullable = false, length = 50)
    private String family;

    @Version
    private int version;

    protected Sku() {
    }

    Sku(String code, String model, String colour, String family) {
        this.code = code;
        this.model = model;
        this.colour = colour;
        this.family = family;
    }

    @Override
    public @Nullable Long getId() {
        return id;
    }

    public String getCode() {
        return code;
    }

    public String getModel() {
        return model;
    }

    public String getColour() {
        return colour;
    }

    public String getFamily() {
        return family;
    }

    public int getVersion() {
        return version;
    }

    public SkuDetails details() {
        return new SkuDetails(code, model, colour, family);
    }

    boolean differsFrom(SkuDetails d) {
        return !model.equals(d.model()) || !colour.equals(d.colour()) || !family.equals(d.family());
    }

    /** Takes checked values; the code never changes. */
    void update(SkuDetails d) {
        this.model = d.model();
        this.colour = d.colour();
        this.family = d.family();
    }

    static Sku of(SkuDetails d) {
        return new Sku(d.code(), d.model(), d.colour(), d.family());
    }
}
