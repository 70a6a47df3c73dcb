import { registry } from "@web/core/registry";

// 20 lines, 3 of them wrong: an unknown SKU (line 3), a quantity that is not
// a number (line 7) and a zero quantity (line 12)
const lines = [];
for (let n = 1; n <= 20; n++) {
    const sku = `QT-${String(n).padStart(3, "0")}`;
    if (n === 3) {
        lines.push("QT-9X9;2");
    } else if (n === 7) {
        lines.push(`${sku};two`);
    } else if (n === 12) {
        lines.push(`${sku};0`);
    } else {
        lines.push(`${sku};${n}`);
    }
}

registry.category("web_tour.tours").add("b2b_quick_order_paste_fix_add", {
    url: "/my/b2b/quick-order",
    steps: () => [
        {
            content: "Paste twenty order lines",
            trigger: "textarea[name=text]",
            // a multi-line text: the "edit" string action takes one line only
            async run(helpers) {
                await helpers.edit(lines.join("\n"));
            },
        },
        {
            trigger: "button.o_b2b_qo_check",
            run: "click",
            expectUnloadPage: true,
        },
        {
            content: "Seventeen lines can be ordered, three are marked",
            trigger: ".o_b2b_qo_orderable:contains('17')",
        },
        {
            trigger: "tr[data-line='3'][data-status='unknown']",
        },
        {
            trigger: "tr[data-line='7'][data-status='bad_quantity']",
        },
        {
            trigger: "tr[data-line='12'][data-status='not_positive']",
        },
        {
            content: "Three lines to fix, nothing in the cart before the confirmation",
            trigger: ".o_b2b_qo_state:contains('marked in red): 3'):contains('nothing is in the cart yet')",
        },
        {
            content: "Fix the SKU of line 3",
            trigger: "tr[data-line='3'] input.o_b2b_qo_key",
            run: "edit QT-003",
        },
        {
            content: "Fix the quantity of line 7",
            trigger: "tr[data-line='7'] input.o_b2b_qo_qty",
            run: "edit 2",
        },
        {
            content: "Fix the quantity of line 12",
            trigger: "tr[data-line='12'] input.o_b2b_qo_qty",
            run: "edit 12",
        },
        {
            trigger: "button.o_b2b_qo_recheck",
            run: "click",
            expectUnloadPage: true,
        },
        {
            content: "All twenty lines are fine now, and the headline says so",
            trigger: ".o_b2b_qo_orderable:contains('20')",
        },
        {
            trigger: ".o_b2b_qo_state:contains('Every line can be ordered'):not(.text-danger)",
        },
        {
            trigger: "button.o_b2b_qo_confirm:contains('20')",
            run: "click",
            expectUnloadPage: true,
        },
        {
            content: "Added to the cart",
            trigger: ".o_b2b_qo_added:contains('Lines added to the cart'):contains('20')",
        },
        {
            trigger: ".o_b2b_qo_history td:contains('20')",
        },
    ],
});
