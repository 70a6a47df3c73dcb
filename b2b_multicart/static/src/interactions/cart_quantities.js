import { Interaction } from "@web/public/interaction";
import { registry } from "@web/core/registry";

/**
 * Keyboard on the cart page: Enter in a quantity cell moves to the next one
 * (Shift+Enter to the previous one), as in a spreadsheet; Ctrl+Enter saves.
 * Tab moves between the cells as usual.
 */
export class B2bCartQuantities extends Interaction {
    static selector = ".o_b2b_cart_form";
    dynamicContent = {
        "input.o_b2b_line_qty": { "t-on-keydown": this.onKeydown },
    };

    onKeydown(ev) {
        if (ev.key !== "Enter") {
            return;
        }
        ev.preventDefault();
        if (ev.ctrlKey || ev.metaKey) {
            this.el.requestSubmit();
            return;
        }
        const cells = [...this.el.querySelectorAll("input.o_b2b_line_qty")];
        const next = cells[cells.indexOf(ev.currentTarget) + (ev.shiftKey ? -1 : 1)];
        if (next) {
            next.focus();
            next.select();
        }
    }
}

registry.category("public.interactions").add("b2b_multicart.cart_quantities", B2bCartQuantities);
