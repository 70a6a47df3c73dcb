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
            trigger: ".o_b2b_filters [name=search]",
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

// 66 products of one category, 4 pages of 20 (test_catalog_browse.py)
registry.category("web_tour.tours").add("b2b_portal_catalog_browse", {
    steps: () => [
        {
            content: "The catalog counts what matches",
            trigger: ".o_b2b_total:contains('Found 66 products')",
        },
        {
            content: "Go to page 3",
            trigger: ".o_b2b_catalog .pagination a.page-link:contains('3')",
            run: "click",
            expectUnloadPage: true,
        },
        {
            trigger: ".pagination li.active:contains('3')",
        },
        {
            content: "Page 3 shows its rows",
            trigger: ".o_b2b_row[data-sku='VNT-5030-N']",
        },
        {
            content: "Search a size written with an x",
            trigger: ".o_b2b_filters [name=search]",
            run: "edit 6x40",
        },
        {
            trigger: ".o_b2b_filters button.o_b2b_search",
            run: "click",
            expectUnloadPage: true,
        },
        {
            content: "The 6×40 screws are found, both coatings",
            trigger: ".o_b2b_total:contains('Found 16 products')",
        },
        {
            trigger: ".o_b2b_row[data-sku='VNT-6408-N']",
        },
        {
            content: "Filter by the zinc coating",
            trigger: ".o_b2b_facets label:contains('цинк') input",
            run: "click",
            expectUnloadPage: true,
        },
        {
            trigger: ".o_b2b_total:contains('Found 8 products')",
        },
        {
            content: "Only zinc plated rows are left",
            trigger: ".o_b2b_catalog:not(:has(.o_b2b_row[data-sku$='-N']))",
        },
        ...[1, 2, 3, 4, 5].map((n) => ({
            content: `Quantity ${n} on row ${n}`,
            trigger: `.o_b2b_row[data-sku='VNT-640${n}-Z'] input.o_b2b_qty`,
            run: `edit ${n}`,
        })),
        {
            content: "One click adds the five rows",
            trigger: "button.o_b2b_add_selected",
            run: "click",
            expectUnloadPage: true,
        },
        {
            trigger: ".o_b2b_added:contains('5')",
        },
        {
            content: "The cart counts five lines",
            trigger: ".o_b2b_cart_summary:contains('5 line')",
        },
    ],
});
