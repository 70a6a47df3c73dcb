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

// the manager, in the back office: review, approve both lines, lower the
// nuts' amount, decide; the credit note appears on the claim
registry.category("web_tour.tours").add("b2b_claims_decide", {
    steps: () => [
        {
            content: "The claim filed by the buyer, with its two lines",
            trigger: ".o_form_view div[name='line_ids'] .o_data_row:contains('Гайка M8')",
        },
        {
            content: "Start the review",
            trigger: ".o_form_view button[name='action_review']",
            run: "click",
        },
        {
            trigger: ".o_statusbar_status button.o_arrow_button_current:contains('In review')",
        },
        {
            content: "Approve the bolts as claimed",
            trigger: "div[name='line_ids'] .o_data_row:contains('Болт M8') button.o_b2b_claim_approve",
            run: "click",
        },
        {
            trigger: "div[name='line_ids'] .o_data_row:contains('Болт M8') td[name='decision']:contains('Approved')",
        },
        {
            content: "and the nuts",
            trigger: "div[name='line_ids'] .o_data_row:contains('Гайка M8') button.o_b2b_claim_approve",
            run: "click",
        },
        {
            trigger: "div[name='line_ids'] .o_data_row:contains('Гайка M8') td[name='decision']:contains('Approved')",
        },
        {
            content: "Lower the nuts' amount to 5",
            trigger: "div[name='line_ids'] .o_data_row:contains('Гайка M8') td[name='approved_amount_input']",
            run: "click",
        },
        {
            trigger: "div[name='line_ids'] .o_data_row:contains('Гайка M8') td[name='approved_amount_input'] input",
            run: "edit 5",
        },
        {
            content: "Save",
            trigger: ".o_form_view .o_form_button_save",
            run: "click",
        },
        {
            trigger: ".o_form_view .o_form_saved",
        },
        {
            content: "Decide",
            trigger: ".o_form_view button[name='action_decide']:contains('Decide')",
            run: "click",
        },
        {
            content: "The credit note is on the claim, which is resolved",
            trigger: ".o_form_view button[name='action_b2b_credit_notes']:contains('1')",
        },
        {
            trigger: ".o_statusbar_status button.o_arrow_button_current:contains('Resolved')",
        },
    ],
});

// the buyer finds the credit note on the claim and in /my/invoices
registry.category("web_tour.tours").add("b2b_claims_credit_note", {
    url: "/my/b2b/claims",
    steps: () => [
        {
            content: "The resolved claim in the list",
            trigger: ".o_b2b_claim_row:contains('Resolved') a",
            run: "click",
            expectUnloadPage: true,
        },
        {
            content: "The credit note on the claim, with its amount",
            trigger: ".o_b2b_claim_credit_note:contains('15.00') a",
            run({ anchor }) {
                sessionStorage.setItem("b2b_claims_credit_note", anchor.textContent.trim());
                anchor.click();
            },
            expectUnloadPage: true,
        },
        {
            content: "It opens as a credit note of the portal",
            trigger: "li.breadcrumb-item a[href^='/my/invoices']",
            run: "click",
            expectUnloadPage: true,
        },
        {
            content: "and it is in /my/invoices",
            trigger: ".o_portal_my_doc_table tr a",
            run() {
                const name = sessionStorage.getItem("b2b_claims_credit_note");
                const names = [...document.querySelectorAll(".o_portal_my_doc_table tr a")].map(
                    (a) => a.textContent.trim()
                );
                if (!name || !names.includes(name)) {
                    throw new Error(`credit note ${name} not in /my/invoices: ${names}`);
                }
            },
        },
    ],
});
