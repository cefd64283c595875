package org.outagedesk.incident.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import java.time.ZoneId;
import java.util.List;
import org.outagedesk.base.ui.Words;
import org.outagedesk.incident.TimelineEntryRevision;

/** Every version of an entry, newest first: who changed what, when, and the content as it was. */
class HistoryDialog extends Dialog {

    HistoryDialog(List<TimelineEntryRevision> revisions, ZoneId reference, ZoneId viewer) {
        setHeaderTitle("History of the entry");
        setWidth("48rem");
        Div list = new Div();
        list.setId("entry-history");
        for (TimelineEntryRevision r : revisions) {
            Div version = new Div();
            version.addClassNames("p-s", "mb-s", "border", "rounded-m", "od-revision");
            Span head = new Span("Version " + r.getRevision() + " · " + r.getChangedBy() + " · "
                    + Times.both(r.getChangedAt(), reference, viewer));
            head.addClassNames("font-semibold", "block");
            Span change = new Span("Change: " + r.getChange());
            change.addClassName("block");
            Span meta = new Span(Words.of(r.getType()) + " · " + Words.of(r.getVisibility()) + (r.isPinned() ? " · pinned" : "")
                    + " · happened " + Times.in(r.getOccurredAt(), reference));
            meta.addClassNames("block", "text-s", "text-secondary");
            Span text = new Span(r.getText());
            text.addClassNames("block", "mt-xs");
            text.getStyle().set("white-space", "pre-wrap");
            version.add(head, change, meta, text);
            list.add(version);
        }
        if (revisions.isEmpty()) {
            list.add(new Span("No version of this entry is visible to your role."));
        }
        add(list);
        Button closeButton = new Button("Close", e -> close());
        closeButton.setId("history-close");
        getFooter().add(closeButton);
    }
}
