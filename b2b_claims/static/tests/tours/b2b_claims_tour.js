import { registry } from "@web/core/registry";

// a 1×1 JPEG with an EXIF segment (location data the server strips)
const JPEG =
    "/9j/4QAWRXhpZgAAR1BTLTUyLjM3Ti00Ljg5Rf/gABBKRklGAAEBAAABAAEAAP/aAAgBAQAAPwDSzyD/2Q==";

async function attachPhoto(input) {
    const blob = await (await fetch(`data:image/jpeg;base64,${JPEG}`)).blob();
    const transfer = new DataTransfer();
    transfer.items.add(new File([blob], "photo.jpg", { type: "image/jpeg" }));
    input.files = transfer.files;
    input.dispatchEvent(new Event("change", { bubbles: true }));
}

registry.category("web_tour.tours").add("b2b_claims_file", {
    steps: () => [
        {
            content: "The order page offers to file a claim",
            trigger: "a.o_b2b_claim_file",
            run: "click",
            expectUnloadPage: true,
        },
        {
            content: "Claim 2 bolts",
            trigger: ".o_b2b_claim_line:contains('Болт M8') input[name^='qty_']",
            run: "edit 2",
        },
        {
            trigger: ".o_b2b_claim_line:contains('Болт M8') select[name^='demand_']",
            run: "select reduction_percent",
        },
        {
            trigger: ".o_b2b_claim_line:contains('Болт M8') input[name^='percent_']",
            run: "edit 50",
        },
        {
            content: "and 4 nuts",
            trigger: ".o_b2b_claim_line:contains('Гайка M8') input[name^='qty_']",
            run: "edit 4",
        },
        {
            trigger: ".o_b2b_claim_line:contains('Гайка M8') select[name^='demand_']",
            run: "select reduction_amount",
        },
        {
            trigger: ".o_b2b_claim_line:contains('Гайка M8') input[name^='amount_']",
            run: "edit 6",
        },
        {
            content: "with a photo",
            trigger: "input[name='attachments']",
            run: async ({ anchor }) => attachPhoto(anchor),
        },
        {
            trigger: "button.o_b2b_claim_submit",
            run: "click",
            expectUnloadPage: true,
        },
        {
            content: "The claim page shows both lines and the photo",
            trigger: ".o_b2b_claim_lines:contains('Болт M8'):contains('Гайка M8')",
        },
        {
            trigger: ".o_b2b_claim_files a:contains('photo.jpg')",
        },
        {
            content: "The buyer writes in the chat",
            trigger: "#chatterRoot:shadow .o-mail-Composer-input",
            run: "edit Half of the bolts are scratched, photo attached.",
        },
        {
            trigger: "#chatterRoot:shadow .o-mail-Composer-send:enabled",
            run: "click",
        },
        {
            trigger: "#chatterRoot:shadow .o-mail-Message:contains('Half of the bolts are scratched')",
        },
    ],
});

registry.category("web_tour.tours").add("b2b_claims_credit_note", {
    url: "/my/b2b/claims",
    steps: () => [
        {
            content: "The decided claim in the list",
            trigger: ".o_b2b_claim_row a",
            run: "click",
            expectUnloadPage: true,
        },
        {
            content: "The credit note on the claim",
            trigger: ".o_b2b_claim_credit_note a",
            run: "click",
            expectUnloadPage: true,
        },
        {
            content: "It is a credit note in /my/invoices",
            trigger: "#portal_invoice_content, .o_portal_invoice, iframe#invoice_html, .o_portal_sidebar",
        },
    ],
});
