import { registry } from "@web/core/registry";

// The price of one product in the catalog, for each of the buyer's two
// legal entities: switching the entity changes the price shown.
registry.category("web_tour.tours").add("b2b_pricelist_switch_entity_price", {
    url: "/my/b2b/catalog?search=BOLT-8",
    steps: () => [
        {
            content: "Entity A buys at its group's price type: 100 - 10 %",
            trigger: ".o_b2b_catalog .o_b2b_entity_name:contains('ООО «Альфа»')",
        },
        {
            trigger: ".o_b2b_row[data-sku='BOLT-8'] .o_b2b_price:contains('90.00')",
        },
        {
            content: "Switch to the second legal entity",
            trigger: ".o_b2b_switcher select",
            run: "selectByLabel ООО «Бета»",
            expectUnloadPage: true,
        },
        {
            trigger: ".o_b2b_catalog .o_b2b_entity_name:contains('ООО «Бета»')",
        },
        {
            content: "Entity B's own price type: 100 - 10 % - 5 %",
            trigger: ".o_b2b_row[data-sku='BOLT-8'] .o_b2b_price:contains('85.50')",
        },
        {
            trigger: ".o_b2b_row[data-sku='BOLT-8'] .o_b2b_price:not(:contains('90.00'))",
        },
    ],
});
