import { registry } from "@web/core/registry";

// The test sets a minimum of 10 on MC-BOLT (b2b_pricelist): the catalog and
// the cart page refuse less with the same message.
const MESSAGE = "at least 10, for example 10.";

registry.category("web_tour.tours").add("b2b_order_rules_catalog_cart", {
    url: "/my/b2b/catalog?search=MC-BOLT",
    steps: () => [
        {
            content: "Type 4 bolts, below the minimum",
            trigger: ".o_b2b_row[data-sku='MC-BOLT'] input.o_b2b_qty",
            run: "edit 4",
        },
        {
            trigger: "button.o_b2b_add_selected",
            run: "click",
            expectUnloadPage: true,
        },
        {
            content: "Refused with the rule's message, the typed 4 kept",
            trigger: `.o_b2b_errors:contains('${MESSAGE}')`,
        },
        {
            trigger: ".o_b2b_row[data-sku='MC-BOLT'] input.o_b2b_qty[value='4']",
        },
        {
            content: "Fix: 10 bolts",
            trigger: ".o_b2b_row[data-sku='MC-BOLT'] input.o_b2b_qty",
            run: "edit 10",
        },
        {
            trigger: "button.o_b2b_add_selected",
            run: "click",
            expectUnloadPage: true,
        },
        {
            trigger: ".o_b2b_added",
        },
        {
            content: "Open the cart",
            trigger: ".o_b2b_cart_summary a.o_b2b_current_cart_link",
            run: "click",
            expectUnloadPage: true,
        },
        {
            content: "Change the line to 6, below the minimum",
            trigger: ".o_b2b_line[data-sku='MC-BOLT'] input.o_b2b_line_qty[value^='10']",
            run: "edit 6",
        },
        {
            trigger: "button.o_b2b_save",
            run: "click",
            expectUnloadPage: true,
        },
        {
            content: "The same message, the typed 6 kept",
            trigger: `.o_b2b_errors:contains('${MESSAGE}')`,
        },
        {
            trigger: ".o_b2b_line[data-sku='MC-BOLT'] input.o_b2b_line_qty[value='6']",
        },
    ],
});
