import { registry } from "@web/core/registry";

// A newcomer's first order, run by tests/test_journey_newcomer.py with every
// addon installed (the order is placed from b2b_multicart's cart page):
// 1. a visitor signs up and registers their company,
// 2. the supplier's B2B manager approves it in the back office,
// 3. the buyer sees the catalog with prices, pastes a quick order and orders.

const LOGIN = "anna.newco@example.com";

function goTo(url) {
    return {
        content: `Open ${url}`,
        trigger: "body",
        run: () => {
            window.location.href = url;
        },
        expectUnloadPage: true,
    };
}

registry.category("web_tour.tours").add("b2b_journey_signup_register", {
    url: "/web/signup",
    steps: () => [
        {
            trigger: "form.oe_signup_form input[name=login]",
            run: `edit ${LOGIN}`,
        },
        {
            trigger: "form.oe_signup_form input[name=name]",
            run: "edit Анна Новикова",
        },
        {
            trigger: "form.oe_signup_form input[name=password]",
            run: `edit ${LOGIN}`,
        },
        {
            trigger: "form.oe_signup_form input[name=confirm_password]",
            run: `edit ${LOGIN}`,
        },
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
        {
            trigger: "form.o_b2b_entity_register input[name=name]",
            run: "edit ООО «НьюКо»",
        },
        {
            trigger: "form.o_b2b_entity_register input[name=inn]",
            run: "edit 7719000193",
        },
        {
            trigger: "form.o_b2b_entity_register input[name=kpp]",
            run: "edit 771901001",
        },
        {
            trigger: "form.o_b2b_entity_register input[name=ogrn]",
            run: "edit 1027719000198",
        },
        {
            trigger: "form.o_b2b_entity_register select[name=tax_system]",
            run: "select osn",
        },
        {
            trigger: "form.o_b2b_entity_register input[name=street]",
            run: "edit ул. Новая, 1",
        },
        {
            trigger: "form.o_b2b_entity_register input[name=city]",
            run: "edit Москва",
        },
        {
            trigger: "form.o_b2b_entity_register input[name=zip]",
            run: "edit 101000",
        },
        {
            content: "Register the company",
            trigger: "form.o_b2b_entity_register button[type=submit]",
            run: "click",
            expectUnloadPage: true,
        },
        {
            content: "Sent to verification",
            trigger: "body:contains('ООО «НьюКо»'):contains('Pending verification')",
        },
    ],
});

registry.category("web_tour.tours").add("b2b_journey_manager_approves", {
    url: "/odoo/action-b2b_portal.res_partner_action_b2b_verification",
    steps: () => [
        {
            content: "The new entity waits in the verification queue",
            trigger: ".o_data_row td:contains('ООО «НьюКо»')",
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
                ".o_form_view:not(:has(button[name=action_b2b_approve])) .o_field_widget[name=b2b_state] .o_arrow_button_current:contains('Approved')",
        },
    ],
});

registry.category("web_tour.tours").add("b2b_journey_first_order", {
    url: "/my/b2b/catalog",
    steps: () => [
        {
            content: "The open section and the section of the new customers' group, with prices",
            trigger: ".o_b2b_row[data-sku='JRN-1'] .o_b2b_price:contains('90')",
        },
        {
            trigger: ".o_b2b_row[data-sku='JRN-3'] .o_b2b_price:contains('18')",
        },
        {
            content: "Not the section of another group",
            trigger: ".o_b2b_catalog_table:not(:has(.o_b2b_row[data-sku='JRN-4']))",
        },
        goTo("/my/b2b/quick-order"),
        {
            content: "Paste two lines",
            trigger: "textarea[name=text]",
            async run(helpers) {
                await helpers.edit("JRN-1;5\nJRN-3;10");
            },
        },
        {
            trigger: "button.o_b2b_qo_check",
            run: "click",
            expectUnloadPage: true,
        },
        {
            trigger: ".o_b2b_qo_orderable:contains('2')",
        },
        {
            trigger: "button.o_b2b_qo_confirm",
            run: "click",
            expectUnloadPage: true,
        },
        {
            content: "Added: open the cart",
            trigger: ".o_b2b_qo_added a",
            run: "click",
            expectUnloadPage: true,
        },
        {
            content: "Place the order",
            trigger: ".o_b2b_checkout button.o_b2b_checkout_go",
            run: "click",
            expectUnloadPage: true,
        },
        {
            content: "The order page",
            trigger: "#portal_sale_content:contains('JRN-1'):contains('JRN-3')",
        },
    ],
});
