import { registry } from "@web/core/registry";

function newCart(name) {
    return [
        {
            content: `Name a new cart “${name}”`,
            trigger: ".o_b2b_cart_create input[name=name]",
            run: `edit ${name}`,
        },
        {
            trigger: ".o_b2b_cart_create button.o_b2b_cart_new",
            run: "click",
            expectUnloadPage: true,
        },
        {
            content: "Its page opens, empty",
            trigger: `.o_b2b_cart_page .o_b2b_cart_name:contains('${name}')`,
        },
        {
            trigger: ".o_b2b_cart_page .o_b2b_empty",
        },
    ];
}

function fillFromCatalog(quantities) {
    const steps = [
        {
            content: "Open the catalog",
            trigger: ".o_b2b_cart_page a[href='/my/b2b/catalog']",
            run: "click",
            expectUnloadPage: true,
        },
    ];
    for (const [sku, qty] of Object.entries(quantities)) {
        steps.push({
            trigger: `.o_b2b_row[data-sku='${sku}'] input.o_b2b_qty`,
            run: `edit ${qty}`,
        });
    }
    steps.push(
        {
            content: "Add to the current cart",
            trigger: "button.o_b2b_add_selected",
            run: "click",
            expectUnloadPage: true,
        },
        {
            trigger: ".o_b2b_added",
        },
        {
            content: "Back to the carts",
            trigger: ".o_b2b_cart_summary a[href='/my/b2b/carts']",
            run: "click",
            expectUnloadPage: true,
        }
    );
    return steps;
}

registry.category("web_tour.tours").add("b2b_multicart_fill_move_merge", {
    url: "/my/b2b/carts",
    steps: () => [
        ...newCart("Магазин"),
        ...fillFromCatalog({ "MC-BOLT": 6 }),
        ...newCart("Склад"),
        ...fillFromCatalog({ "MC-BOLT": 5, "MC-NUT": 2 }),
        {
            content: "Two carts listed",
            trigger: ".o_b2b_cart_row[data-name='Магазин'] .o_b2b_cart_lines:contains('1')",
        },
        {
            content: "Open “Склад”",
            trigger: ".o_b2b_cart_row[data-name='Склад'] a:contains('Склад')",
            run: "click",
            expectUnloadPage: true,
        },
        {
            content: "Select the nut line",
            trigger: ".o_b2b_line[data-sku='MC-NUT'] input.o_b2b_line_pick",
            run: "check",
        },
        {
            trigger: ".o_b2b_move select.o_b2b_move_target",
            run: "selectByLabel Магазин",
        },
        {
            content: "Move it to “Магазин”",
            trigger: ".o_b2b_move button.o_b2b_move_go",
            run: "click",
            expectUnloadPage: true,
        },
        {
            content: "The page says what happened",
            trigger: ".o_b2b_notices:contains('1 line moved to “Магазин”')",
        },
        {
            content: "Only the bolts stay here",
            trigger: ".o_b2b_cart_page:not(:has(.o_b2b_line[data-sku='MC-NUT'])) .o_b2b_line[data-sku='MC-BOLT']",
        },
        {
            trigger: ".o_portal_submenu a[href='/my/b2b/carts']",
            run: "click",
            expectUnloadPage: true,
        },
        {
            trigger: ".o_b2b_cart_row[data-name='Магазин'] .o_b2b_cart_lines:contains('2')",
        },
        {
            content: "Pick both carts",
            trigger: ".o_b2b_cart_row[data-name='Магазин'] input.o_b2b_cart_pick",
            run: "check",
        },
        {
            trigger: ".o_b2b_cart_row[data-name='Склад'] input.o_b2b_cart_pick",
            run: "check",
        },
        {
            content: "Merge them into one cart",
            trigger: "button.o_b2b_merge",
            run: "click",
            expectUnloadPage: true,
        },
        {
            content: "The merged cart opens for review: nothing is ordered yet",
            trigger: ".o_b2b_notices:contains('2 carts are merged into this one')",
        },
        {
            trigger: ".o_b2b_cart_name:contains('Магазин + Склад')",
        },
        {
            content: "The bolts of both carts are summed",
            trigger: ".o_b2b_line[data-sku='MC-BOLT'] input.o_b2b_line_qty[value^='11']",
        },
        {
            content: "A comment for the order",
            trigger: "textarea.o_b2b_checkout_note",
            run: "edit Ворота 2, до 17:00",
        },
        {
            content: "Add a delivery address",
            trigger: "details.o_b2b_new_address summary",
            run: "click",
        },
        {
            trigger: "details.o_b2b_new_address input[name=delivery_street]",
            run: "edit ул. Складская, 7",
        },
        {
            trigger: "details.o_b2b_new_address input[name=delivery_city]",
            run: "edit Химки",
        },
        {
            trigger: "button.o_b2b_address_add",
            run: "click",
            expectUnloadPage: true,
        },
        {
            content: "The address is added and chosen; the comment is kept",
            trigger: ".o_b2b_notices:contains('The delivery address is added')",
        },
        {
            trigger: "textarea.o_b2b_checkout_note:value('Ворота 2, до 17:00')",
        },
        {
            content: "Place the order",
            trigger: "button.o_b2b_checkout_go",
            run: "click",
            expectUnloadPage: true,
        },
        {
            content: "The order page shows the merged lines, the cart and the comment",
            trigger: "#portal_sale_content:contains('Болт M8'):contains('Гайка M8')",
        },
        {
            trigger: ".o_b2b_order_cart:contains('Магазин + Склад')",
        },
        {
            trigger: ".o_b2b_order_note:contains('Ворота 2, до 17:00')",
        },
        {
            content: "The invoice is in the buyer's invoices",
            trigger: "body",
            run: () => {
                window.location.href = "/my/invoices";
            },
            expectUnloadPage: true,
        },
        {
            trigger: ".o_portal_my_doc_table a:contains('INV/')",
        },
    ],
});
