package io.tavola.restaurant.table;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;

/** The printable HTML page of a restaurant's table codes: a grid of cards, one per table. */
@ApplicationScoped
public class QrSheet {

    @Inject
    QrCodes qr;

    public String html(List<DiningTable> tables) {
        StringBuilder page = new StringBuilder("""
                <!DOCTYPE html>
                <html lang="en"><head><meta charset="utf-8"><title>Table QR codes</title>
                <style>
                  body { font-family: system-ui, sans-serif; margin: 1cm; }
                  .sheet { display: grid; grid-template-columns: repeat(3, 1fr); gap: 1cm; }
                  .card { border: 1px dashed #999; padding: .5cm; text-align: center; break-inside: avoid; }
                  .card svg { width: 5cm; height: 5cm; }
                  .label { font-size: 16pt; font-weight: 600; margin-top: .3cm; }
                  .hint { font-size: 9pt; color: #555; }
                  @media print { .card { border-color: #ccc; } }
                </style></head><body><main class="sheet">
                """);
        for (DiningTable t : tables) {
            page.append("<section class=\"card\">").append(qr.svg(t.qrToken))
                    .append("<div class=\"label\">").append(escape(t.label)).append("</div>")
                    .append("<div class=\"hint\">Scan to see the menu and order</div></section>\n");
        }
        return page.append("</main></body></html>\n").toString();
    }

    static String escape(String text) {
        if (text == null) {
            return "";
        }
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;")
                .replace("'", "&#39;");
    }
}
