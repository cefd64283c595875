package org.outagedesk.notices.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Pre;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.outagedesk.base.ui.Words;
import org.outagedesk.notices.NoticePreview;

/** What a notice would do if sent now: recipients per channel, who is skipped and why, parts, three samples. */
final class NoticePreviewDialog extends Dialog {

    NoticePreviewDialog(String name, NoticePreview p) {
        super("Preview of " + name);
        VerticalLayout body = new VerticalLayout();
        body.add(new Paragraph(Words.count(p.recipients(), "subscriber") + ". Would go: " + describe(p.byChannel())
                + ". Skipped: " + (p.skipped().isEmpty() ? "none" : describe(p.skipped())) + "."
                + (p.waitingForMorning() > 0 ? " " + Words.number(p.waitingForMorning()) + " text(s) wait for the end of quiet"
                        + " hours." : "")));
        if (!p.smsParts().isEmpty()) {
            List<String> parts = new ArrayList<>();
            p.smsParts().forEach((k, v) -> parts.add(Words.number(v) + " of " + k + " part" + (k == 1 ? "" : "s")));
            body.add(new Paragraph("Texts: " + String.join(", ", parts) + "."));
        }
        for (NoticePreview.Sample s : p.samples()) {
            body.add(new Span(("SMS".equals(s.channel()) ? "Text to " : "E-mail to ") + s.to()
                    + (s.subject() == null ? "" : " – " + s.subject())));
            Pre text = new Pre(s.text());
            // wrapped: a text of two parts ran out of the dialog, and a manager approves what they can read
            text.getStyle().set("white-space", "pre-wrap");
            body.add(text);
        }
        body.setWidth("44rem");
        add(body);
        getFooter().add(new Button("Close", e -> close()));
    }

    private static String describe(Map<String, Long> m) {
        List<String> parts = new ArrayList<>();
        m.forEach((k, v) -> parts.add(Words.number(v) + " " + switch (k) {
            case "SMS" -> "text(s)";
            case "EMAIL" -> "e-mail(s)";
            default -> k;
        }));
        return String.join(", ", parts);
    }
}
