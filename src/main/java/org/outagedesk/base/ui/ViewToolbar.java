package org.outagedesk.base.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.Composite;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import org.jspecify.annotations.Nullable;

/** The row at the top of a view: its title on the left, its filters and actions on the right. */
public final class ViewToolbar extends Composite<HorizontalLayout> {

    public ViewToolbar(@Nullable String title, Component... actions) {
        HorizontalLayout layout = getContent();
        layout.setWidthFull();
        layout.setAlignItems(FlexComponent.Alignment.BASELINE);
        layout.addClassNames("flex-wrap", "gap-m");
        if (title != null) {
            H2 heading = new H2(title);
            heading.addClassNames("text-xl", "m-0");
            layout.add(heading);
        }
        Div spacer = new Div();
        layout.addAndExpand(spacer);
        layout.add(actions);
    }
}
