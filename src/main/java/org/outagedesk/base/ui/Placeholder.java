package org.outagedesk.base.ui;

import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.UnorderedList;

/**
 * An honest placeholder for a screen that a later piece of work fills: it says what will be there and does not
 * pretend to work.
 */
public final class Placeholder extends Div {

    public Placeholder(String title, String what, String... comingParts) {
        addClassName("od-placeholder");
        setId("placeholder");
        add(new H2(title), new Paragraph(what));
        if (comingParts.length > 0) {
            UnorderedList list = new UnorderedList();
            for (String part : comingParts) {
                list.add(new ListItem(part));
            }
            add(new Paragraph("Not built yet; this screen will show:"), list);
        }
    }
}
