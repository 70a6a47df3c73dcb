import { registry } from "@web/core/registry";

// tests/test_journey_financial_documents.py: after an order is confirmed,
// delivered and paid, the buyer finds its invoice for payment and its UPD
// (with the XML) in the documents section, then asks for a reconciliation
// act and accepts it.
registry.category("web_tour.tours").add("b2b_edo_journey_financial", {
    url: "/my/b2b/documents?doc_type=payment_invoice",
    steps: () => [
        {
            content: "The invoice for payment of the order",
            trigger: ".o_b2b_edo_row[data-number^='INV-'] a",
            run: "click",
            expectUnloadPage: true,
        },
        {
            content: "Its page offers the PDF",
            trigger: ".o_b2b_edo_document .o_b2b_edo_download",
        },
        {
            content: "The UPDs",
            trigger: "body",
            run() {
                window.location.assign("/my/b2b/documents?doc_type=upd");
            },
            expectUnloadPage: true,
        },
        {
            trigger: ".o_b2b_edo_row[data-number^='UPD-'] a",
            run: "click",
            expectUnloadPage: true,
        },
        {
            content: "The UPD's XML beside its PDF",
            trigger: ".o_b2b_edo_document a[href$='/xml']",
        },
        {
            content: "Reconciliation acts",
            trigger: "body",
            run() {
                window.location.assign("/my/b2b/documents/reconciliation");
            },
            expectUnloadPage: true,
        },
        {
            content: "Ask for the act of the last quarter",
            trigger: ".o_b2b_recon_form button[type=submit]",
            run: "click",
            expectUnloadPage: true,
        },
        {
            content: "The act is listed, to accept",
            trigger: ".o_b2b_act_row button:contains('Accept')",
            run: "click",
            expectUnloadPage: true,
        },
        {
            trigger: ".alert-success:contains('You accepted the act')",
        },
    ],
});
