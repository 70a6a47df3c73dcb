import { registry } from "@web/core/registry";

// tests/test_journey_whole.py: the seeds' whole path, from sign-up to the
// credit note of a claim, in Russian, with a screenshot of each step
// (tests/tour_shots.py takes it when a step logs "b2b-shot:…" and marks the
// body once it is saved). Selectors name classes and values, never words:
// the pages speak Russian.

const LOGIN = "anna.newco@example.com";
const ENTITY = "ООО «НьюКо»";
// a loaded 2-core CI machine: a page or an RPC may take more than the
// tours' default 10 s; a step still waits for its element, only longer
const STEP_TIMEOUT = 60000;

function patient(steps) {
    return steps.map((step) => ({ timeout: STEP_TIMEOUT, ...step }));
}

function shot(name) {
    return [
        {
            content: `Screenshot ${name}`,
            // nothing loading (the back office's indicator)
            trigger: "body:not(:has(.o_loading_indicator))",
            run() {
                delete document.body.dataset.b2bShot;
                const height = Math.max(
                    document.documentElement.scrollHeight,
                    document.body.scrollHeight
                );
                console.log(`b2b-shot:${JSON.stringify({ name, height })}`);
            },
        },
        {
            content: `Screenshot ${name} saved`,
            trigger: `body[data-b2b-shot='${name}']`,
        },
    ];
}

function goTo(url) {
    return {
        content: `Open ${url}`,
        trigger: "body",
        run() {
            window.location.href = url;
        },
        expectUnloadPage: true,
    };
}

function fill(form, values) {
    return Object.entries(values).map(([name, value]) => ({
        trigger: `${form} [name=${name}]`,
        run: value.startsWith("select ") ? value : `edit ${value}`,
    }));
}

// The buyer downloads a document and opens the file: shown in a frame on top
// of the page's content (in tests Odoo renders reports as HTML, not PDF).
function openDownload(link, frameCheck) {
    return [
        {
            content: "Download the file and open it",
            trigger: link,
            async run({ anchor }) {
                const response = await fetch(anchor.href);
                if (!response.ok) {
                    throw new Error(`Download of ${anchor.href}: ${response.status}`);
                }
                const frame = document.createElement("iframe");
                frame.className = "o_b2b_tour_file w-100 border rounded shadow-sm mb-3 bg-white";
                frame.srcdoc = await response.text();
                (document.querySelector("main .container") || document.body).prepend(frame);
            },
        },
        {
            content: "The file shows",
            trigger: `iframe.o_b2b_tour_file:iframe ${frameCheck}`,
            run() {
                const frame = document.querySelector("iframe.o_b2b_tour_file");
                const page = frame.contentDocument;
                page.body.style.padding = "24px";
                frame.style.height = `${page.documentElement.scrollHeight + 8}px`;
            },
        },
    ];
}

registry.category("web_tour.tours").add("b2b_whole_signup", {
    url: "/web/signup",
    steps: () =>
        patient([
            ...fill("form.oe_signup_form", {
                login: LOGIN,
                name: "Анна Новикова",
                password: LOGIN,
                confirm_password: LOGIN,
            }),
            ...shot("01-signup"),
            {
                content: "Sign up",
                trigger: "form.oe_signup_form button[type=submit]",
                run: "click",
                expectUnloadPage: true,
            },
            {
                content: "Signed in to the portal",
                trigger: ".o_portal_my_home, .o_portal",
            },
            goTo("/my/b2b/catalog"),
            {
                content: "No entity yet: the registration form says what to do",
                trigger: ".o_b2b_register_first",
            },
            ...fill("form.o_b2b_entity_register", {
                name: ENTITY,
                inn: "7719000193",
                kpp: "771901001",
                ogrn: "1027719000198",
                tax_system: "select osn",
                street: "ул. Новая, д. 1",
                city: "Москва",
                zip: "101000",
                phone: "+7 495 765-43-21",
                email: "info@newco.example",
                bank_account: "40702810900000000123",
                bank_bic: "044525225",
                bank_name: "ПАО Сбербанк",
            }),
            ...shot("02-register"),
            {
                content: "Register the company",
                trigger: "form.o_b2b_entity_register button[type=submit]",
                run: "click",
                expectUnloadPage: true,
            },
            {
                content: "Sent to verification",
                trigger: `.o_b2b_entity_row:contains('${ENTITY}') .o_b2b_entity_state`,
            },
            ...shot("03-pending"),
        ]),
});

registry.category("web_tour.tours").add("b2b_whole_approve", {
    steps: () =>
        patient([
            {
                content: "The new entity waits in the verification queue",
                trigger: `.o_data_row td:contains('${ENTITY}')`,
                run: "click",
            },
            {
                content: "Approve it",
                trigger: ".o_form_view button[name=action_b2b_approve]",
                run: "click",
            },
            {
                content: "Approved",
                trigger:
                    ".o_form_view:not(:has(button[name=action_b2b_approve])) .o_field_widget[name=b2b_state] button.o_arrow_button_current[data-value=approved]",
            },
            ...shot("04-approve"),
        ]),
});

registry.category("web_tour.tours").add("b2b_whole_contract", {
    url: "/my/b2b",
    steps: () =>
        patient([
            {
                content: "The dashboard says a document waits",
                trigger: ".o_b2b_edo_card .o_b2b_edo_waiting",
            },
            {
                trigger: ".o_b2b_edo_card a[href='/my/b2b/documents']",
                run: "click",
                expectUnloadPage: true,
            },
            {
                content: "The supply contract waits",
                trigger: ".o_b2b_edo_row[data-number^='SC-'] a",
            },
            ...shot("05-documents"),
            {
                trigger: ".o_b2b_edo_row[data-number^='SC-'] a",
                run: "click",
                expectUnloadPage: true,
            },
            {
                content: "Accept it",
                trigger: ".o_b2b_edo_actions a.o_b2b_edo_action[href$='/accept']",
                run: "click",
                expectUnloadPage: true,
            },
            {
                content: "Accept the e-signature agreement",
                trigger: ".o_b2b_agreement_form input[name=agree]",
                run: "check",
            },
            ...shot("06-contract"),
            {
                trigger: ".o_b2b_agree",
                run: "click",
                expectUnloadPage: true,
            },
            {
                content: "Confirm having read the contract",
                trigger: ".o_b2b_code_request input[name=read]",
                run: "check",
            },
            {
                content: "Ask for the code",
                trigger: ".o_b2b_send_code",
                run: "click",
                expectUnloadPage: true,
            },
            {
                trigger: ".o_b2b_code_sent",
            },
            ...fill(".o_b2b_confirm_form", {
                code: "246810",
                name: "Анна Новикова",
                position: "Генеральный директор",
            }),
            ...shot("07-code"),
            {
                content: "Sign",
                trigger: ".o_b2b_confirm",
                run: "click",
                expectUnloadPage: true,
            },
            {
                content: "The contract is accepted",
                trigger: ".o_b2b_contract_accepted",
            },
            ...shot("08-accepted"),
            goTo("/my/b2b/documents/founding"),
            ...["ustav.pdf", "vypiska-egrul.pdf", "reshenie-direktor.pdf"].flatMap((file) => [
                {
                    content: `Founding document ${file}`,
                    trigger: ".o_b2b_edo_founding_item[data-status='missing']:first input[type='file']",
                    run() {
                        const transfer = new DataTransfer();
                        transfer.items.add(
                            new File(["%PDF-1.4\n%%EOF\n"], file, {
                                type: "application/pdf",
                            })
                        );
                        this.anchor.files = transfer.files;
                    },
                },
                {
                    content: "Send it to the supplier",
                    trigger: ".o_b2b_edo_founding_item[data-status='missing']:first button[type='submit']",
                    run: "click",
                    expectUnloadPage: true,
                },
                {
                    trigger: ".o_b2b_edo_founding_uploaded",
                },
        ]),
        {
            content: "The three required ones wait for the supplier",
            trigger: ".o_b2b_edo_founding_item[data-status='waiting']:eq(2)",
        },
        ...shot("09-founding"),
        ]),
});

registry.category("web_tour.tours").add("b2b_whole_founding", {
    steps: () =>
        patient([
            {
                content: "The entity's founding documents wait for the supplier",
                trigger: ".o_data_row:first td.o_data_cell",
                run: "click",
            },
            ...[1, 2, 3].flatMap((n) => [
                {
                    content: `Accept document ${n}`,
                    trigger: ".o_form_view button[name=action_b2b_founding_accept]",
                    run: "click",
                },
                {
                    trigger:
                        ".o_form_view:not(:has(button[name=action_b2b_founding_accept])) .o_field_widget[name=state] button.o_arrow_button_current[data-value=accepted]",
                },
                ...(n < 3
                    ? [
                          {
                              content: "The next one",
                              trigger: ".o_pager_next",
                              run: "click",
                          },
                      ]
                    : []),
        ]),
        ...shot("10-founding-accepted"),
        ]),
});

registry.category("web_tour.tours").add("b2b_whole_order", {
    url: "/my/b2b/catalog",
    steps: () =>
        patient([
            {
                content: "Search the catalog",
                trigger: "textarea.o_b2b_search_text",
                run: "edit Анкер",
            },
            {
                trigger: "button.o_b2b_search",
                run: "click",
                expectUnloadPage: true,
            },
            {
                content: "Ten anchors at the group's price",
                trigger: ".o_b2b_row[data-sku='JRN-1'] input.o_b2b_qty",
                run: "edit 10",
            },
            ...shot("11-catalog"),
            {
                content: "Add to the cart",
                trigger: "button.o_b2b_add_selected",
                run: "click",
                expectUnloadPage: true,
            },
            {
                trigger: ".o_b2b_added",
            },
            goTo("/my/b2b/quick-order"),
            {
                content: "Paste two lines",
                trigger: "textarea[name=text]",
                async run(helpers) {
                    await helpers.edit("JRN-3;50\nJRN-1;5");
                },
            },
            {
                trigger: "button.o_b2b_qo_check",
                run: "click",
                expectUnloadPage: true,
            },
            {
                content: "Both lines can be ordered",
                trigger: ".o_b2b_qo_orderable:contains('2')",
            },
            {
                content: "Into a new cart",
                trigger: "input.o_b2b_qo_cart_name",
                run: "edit Склад",
            },
            ...shot("12-quick-order"),
            {
                trigger: "button.o_b2b_qo_confirm",
                run: "click",
                expectUnloadPage: true,
            },
            {
                trigger: ".o_b2b_qo_added",
            },
            goTo("/my/b2b/carts"),
            {
                content: "Pick both carts",
                trigger: ".o_b2b_cart_row[data-name='Склад'] input.o_b2b_cart_pick",
                run: "check",
            },
            {
                trigger: ".o_b2b_cart_row:not([data-name='Склад']) input.o_b2b_cart_pick",
                run: "check",
            },
            ...shot("13-carts"),
            {
                content: "Merge them",
                trigger: "button.o_b2b_merge",
                run: "click",
                expectUnloadPage: true,
            },
            {
                content: "One cart to review, the anchors summed",
                trigger: ".o_b2b_line[data-sku='JRN-1'] input.o_b2b_line_qty[value^='15']",
            },
            {
                trigger: "textarea.o_b2b_checkout_note",
                run: "edit Ворота 2, до 17:00",
            },
            ...shot("14-review"),
            {
                content: "Place the order",
                trigger: "button.o_b2b_checkout_go",
                run: "click",
                expectUnloadPage: true,
            },
            {
                content: "The order page",
                trigger: "#portal_sale_content:contains('JRN-1'):contains('JRN-3')",
            },
            ...shot("15-order"),
            ...openDownload("a.o_b2b_payment_invoice_link", "img.o_b2b_qr[src^='data:image/png']"),
            ...shot("16-invoice-for-payment"),
        ]),
});

registry.category("web_tour.tours").add("b2b_whole_deliver_pay", {
    steps: () =>
        patient([
            {
                content: "The order's delivery",
                trigger: ".o_form_view button[name=action_view_delivery]",
                run: "click",
            },
            {
                content: "Validate it",
                trigger: ".o_form_view button[name=button_validate]",
                run: "click",
            },
            {
                trigger:
                    ".o_form_view .o_field_widget[name=state] button.o_arrow_button_current[data-value=done]",
            },
            ...shot("17-delivery"),
            {
                content: "Back to the order",
                trigger: ".o_breadcrumb .breadcrumb-item:last a",
                run: "click",
            },
            {
                content: "Its invoice",
                trigger: ".o_form_view button[name=action_view_invoice]",
                run: "click",
            },
            {
                content: "Register the payment",
                trigger: ".o_form_view button[name=action_register_payment]",
                run: "click",
            },
            {
                trigger: ".modal button[name=action_create_payments]",
                run: "click",
            },
            {
                content: "Paid (or in payment): the green ribbon",
                trigger: ".o_form_view:not(:has(.modal)) .ribbon span.text-bg-success",
            },
            ...shot("18-payment"),
        ]),
});

registry.category("web_tour.tours").add("b2b_whole_claim", {
    url: "/my/b2b/documents?doc_type=upd",
    steps: () =>
        patient([
            {
                content: "The UPD of the delivery",
                trigger: ".o_b2b_edo_row[data-number^='UPD-'] a",
                run: "click",
                expectUnloadPage: true,
            },
            {
                trigger: ".o_b2b_edo_document a[href$='/xml']",
            },
            ...openDownload(".o_b2b_edo_document a.o_b2b_edo_download", ".page"),
            ...shot("19-upd"),
            goTo("/my/orders"),
            {
                trigger: ".o_portal_my_doc_table a[href*='/my/orders/']",
                run: "click",
                expectUnloadPage: true,
            },
            {
                content: "A claim on the order",
                trigger: "a.o_b2b_claim_file",
                run: "click",
                expectUnloadPage: true,
            },
            {
                content: "Two anchors scratched",
                trigger: ".o_b2b_claim_line:contains('JRN-1') input[name^='qty_']",
                run: "edit 2",
            },
            {
                trigger: ".o_b2b_claim_line:contains('JRN-1') select[name^='demand_']",
                run: "select reduction_percent",
            },
            {
                trigger: ".o_b2b_claim_line:contains('JRN-1') input[name^='percent_']",
                run: "edit 50",
            },
            {
                trigger: ".o_b2b_claim_line:contains('JRN-1') input[name^='reason_']",
                run: "edit Царапины на покрытии",
            },
            {
                trigger: "button.o_b2b_claim_submit",
                run: "click",
                expectUnloadPage: true,
            },
            {
                content: "The claim is filed",
                trigger: ".o_b2b_claim_lines:contains('JRN-1')",
            },
            ...shot("20-claim"),
        ]),
});

registry.category("web_tour.tours").add("b2b_whole_claim_decide", {
    steps: () =>
        patient([
            {
                content: "Start the review",
                trigger: ".o_form_view button[name=action_review]",
                run: "click",
            },
            {
                trigger:
                    ".o_form_view .o_field_widget[name=state] button.o_arrow_button_current[data-value=review]",
            },
            {
                content: "Approve the line",
                trigger: ".o_form_view .o_field_widget[name=line_ids] .o_data_row td[name=decision]",
                run: "click",
            },
            {
                trigger: ".o_field_widget[name=line_ids] .o_data_row.o_selected_row",
            },
            {
                trigger: ".o_field_widget[name=line_ids] .o_selected_row td[name=decision] .o_select_menu_toggler",
                run: "click",
            },
            {
                content: "Approved: the second choice (pending, approved, rejected)",
                trigger: ".o_select_menu_menu .o_select_menu_item:eq(1)",
                run: "click",
            },
            {
                trigger: ".o_field_widget[name=line_ids] .o_data_row td[name=approved_qty] input",
                run: "edit 2",
            },
            {
                content: "Decide",
                trigger: ".o_form_view button[name=action_decide]",
                run: "click",
            },
            {
                content: "The credit note is made",
                trigger: ".o_form_view button[name=action_b2b_credit_notes]",
            },
            ...shot("21-claim-decision"),
        ]),
});

registry.category("web_tour.tours").add("b2b_whole_credit_note", {
    url: "/my/b2b/claims",
    steps: () =>
        patient([
            {
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
                trigger: "#portal_invoice_content, .o_portal_sidebar",
            },
            ...shot("22-credit-note"),
        ]),
});
