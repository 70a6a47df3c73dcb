import { registry } from "@web/core/registry";

registry.category("web_tour.tours").add("b2b_portal_catalog_add", {
    url: "/my/b2b/catalog",
    steps: () => [
        {
            content: "Switch to the second legal entity",
            trigger: ".o_b2b_switcher select",
            run: "selectByLabel ООО «Бета»",
            expectUnloadPage: true,
        },
        {
            content: "The page reloads for entity B",
            trigger: ".o_b2b_catalog .o_b2b_entity_name:contains('ООО «Бета»')",
        },
        {
            content: "Search by SKU prefix",
            trigger: ".o_b2b_filters input[name=search]",
            run: "edit TST-000",
        },
        {
            trigger: ".o_b2b_filters button.o_b2b_search",
            run: "click",
            expectUnloadPage: true,
        },
        {
            trigger: ".o_b2b_row[data-sku='TST-0009']",
        },
        {
            content: "Quantities on three rows",
            trigger: ".o_b2b_row[data-sku='TST-0001'] input.o_b2b_qty",
            run: "edit 1",
        },
        {
            trigger: ".o_b2b_row[data-sku='TST-0002'] input.o_b2b_qty",
            run: "edit 2",
        },
        {
            trigger: ".o_b2b_row[data-sku='TST-0003'] input.o_b2b_qty",
            run: "edit 3",
        },
        {
            content: "One click adds them all",
            trigger: "button.o_b2b_add_selected",
            run: "click",
            expectUnloadPage: true,
        },
        {
            content: "Added, and the cart shows three lines",
            trigger: ".o_b2b_added:contains('3')",
        },
        {
            trigger: ".o_b2b_cart_summary:contains('Cart: 3')",
        },
    ],
});
