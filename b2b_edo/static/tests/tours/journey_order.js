import { registry } from "@web/core/registry";

// The last step of tests/test_journey_documents.py: once the contract is
// accepted and the founding documents are in, the buyer orders from the
// catalog.
registry.category("web_tour.tours").add("b2b_edo_journey_order", {
    url: "/my/b2b/catalog?search=JRN-",
    steps: () => [
        {
            content: "Five bolts",
            trigger: ".o_b2b_row[data-sku='JRN-BOLT'] input.o_b2b_qty",
            run: "edit 5",
        },
        {
            content: "Add to the cart",
            trigger: "button.o_b2b_add_selected",
            run: "click",
            expectUnloadPage: true,
        },
        {
            content: "The cart holds the line",
            trigger: ".o_b2b_cart_summary:contains('Cart: 1')",
        },
    ],
});
