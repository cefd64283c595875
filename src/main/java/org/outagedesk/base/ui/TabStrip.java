package org.outagedesk.base.ui;

import com.vaadin.flow.component.tabs.TabSheet;

/**
 * Accessibility repair for {@link TabSheet}: the tab strip's web component keeps an inner scroll container with
 * {@code tabindex="-1"} among the tabs of its {@code tablist}, which axe reports as a critical violation
 * (aria-required-children: "children which are not allowed: div[tabindex]"), and which a screen reader may land on.
 * The attribute is taken off once the strip has rendered; the tabs keep their own keyboard handling (arrow keys).
 */
public final class TabStrip {

    private TabStrip() {
    }

    public static TabSheet accessible(TabSheet sheet) {
        sheet.addAttachListener(e -> sheet.getElement().executeJs(
                "const tabs = this.querySelector('vaadin-tabs');"
                        + " if (tabs) { customElements.whenDefined('vaadin-tabs')"
                        + ".then(() => tabs.updateComplete).then(() => {"
                        + " const scroll = tabs.shadowRoot && tabs.shadowRoot.querySelector('[part~=\"tabs\"]');"
                        + " if (scroll) { scroll.removeAttribute('tabindex'); } }); }"));
        return sheet;
    }
}
