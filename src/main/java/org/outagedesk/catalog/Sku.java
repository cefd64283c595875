package org.outagedesk.catalog;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
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

    protected Sku() {
    }

    public Sku(String code, String model, String colour, String family) {
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

    void update(String model, String colour, String family) {
        this.model = model;
        this.colour = colour;
        this.family = family;
    }
}
