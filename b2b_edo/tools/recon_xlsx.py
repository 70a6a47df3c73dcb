"""The XLSX files of the reconciliation act and of the debt report, written
with xlsxwriter from the structures of ``reconciliation.py`` and
``debt_report.py``. No ORM: every text comes translated in ``labels``.

Amounts are numbers (with a "# ##0.00" format), dates real dates, so that an
accountant can sum and sort them; the first column of each figure row holds
its label, which is how the tests find them.
"""

import io

import xlsxwriter

MONEY = "#,##0.00"
DATE = "dd.mm.yyyy"


def _workbook():
    stream = io.BytesIO()
    workbook = xlsxwriter.Workbook(stream, {"in_memory": True})
    styles = {
        "title": workbook.add_format({"bold": True, "font_size": 13}),
        "bold": workbook.add_format({"bold": True}),
        "head": workbook.add_format(
            {"bold": True, "border": 1, "text_wrap": True, "valign": "top"}
        ),
        "cell": workbook.add_format({"border": 1}),
        "date": workbook.add_format({"border": 1, "num_format": DATE}),
        "money": workbook.add_format({"border": 1, "num_format": MONEY}),
        "money_bold": workbook.add_format(
            {"border": 1, "num_format": MONEY, "bold": True}
        ),
        "wrap": workbook.add_format({"text_wrap": True}),
    }
    return stream, workbook, styles


def _amount(value):
    """A Decimal as a number for the cell; zero left empty, as on paper."""
    return float(value) if value else None


def act_xlsx(act, labels):
    """The act as an XLSX file (bytes). ``labels``: ``title``, ``period``,
    ``supplier_side``, ``buyer_side``, ``date``, ``document``, ``debit``,
    ``credit``, ``opening``, ``turnover``, ``closing``, ``conclusion``,
    ``sign_supplier``, ``sign_buyer`` and ``kinds`` (``{kind: label}``)."""
    stream, workbook, styles = _workbook()
    sheet = workbook.add_worksheet(labels.get("sheet", "Act")[:31])
    sheet.set_column(0, 0, 12)
    sheet.set_column(1, 1, 38)
    sheet.set_column(2, 3, 15)
    # the buyer's columns are left empty for the buyer: bordered by the
    # columns' format, not by 40,000 empty cells
    sheet.set_column(4, 4, 12, styles["cell"])
    sheet.set_column(5, 5, 30, styles["cell"])
    sheet.set_column(6, 7, 15, styles["cell"])
    sheet.write(0, 0, labels["title"], styles["title"])
    sheet.write(1, 0, labels["period"])
    sheet.merge_range(3, 0, 3, 3, labels["supplier_side"], styles["head"])
    sheet.merge_range(3, 4, 3, 7, labels["buyer_side"], styles["head"])
    heads = [labels[key] for key in ("date", "document", "debit", "credit")]
    for col, head in enumerate(heads * 2):
        sheet.write(4, col, head, styles["head"])
    row = 5

    def figure_row(label, debit, credit, style="money_bold"):
        nonlocal row
        sheet.write(row, 0, label, styles["bold"])
        sheet.write(row, 1, "", styles["cell"])
        sheet.write(row, 2, _amount(debit), styles[style])
        sheet.write(row, 3, _amount(credit), styles[style])
        row += 1

    figure_row(labels["opening"], act.opening_debit, act.opening_credit)
    kinds = labels["kinds"]
    for line in act.lines:
        sheet.write_datetime(row, 0, line.date, styles["date"])
        sheet.write(
            row,
            1,
            f"{kinds.get(line.kind, line.kind)} ({line.reference})",
            styles["cell"],
        )
        sheet.write(row, 2, _amount(line.debit), styles["money"])
        sheet.write(row, 3, _amount(line.credit), styles["money"])
        row += 1
    figure_row(labels["turnover"], act.debit_turnover, act.credit_turnover)
    figure_row(labels["closing"], act.closing_debit, act.closing_credit)
    row += 1
    sheet.merge_range(row, 0, row, 7, labels["conclusion"], styles["wrap"])
    row += 2
    sheet.write(row, 0, labels["sign_supplier"])
    sheet.write(row, 4, labels["sign_buyer"])
    sheet.write(row + 2, 0, "____________ / ____________")
    sheet.write(row + 2, 4, "____________ / ____________")
    workbook.close()
    return stream.getvalue()


def debt_xlsx(report, labels):
    """The debt report as an XLSX file (bytes). ``labels``: ``title``,
    ``document``, ``date``, ``due_date``, ``amount``, ``residual``,
    ``days_overdue``, ``bucket``, ``buckets`` (``{key: label}``), ``total``,
    ``overdue``, ``unallocated``, ``credit_limit``, ``credit_left``."""
    stream, workbook, styles = _workbook()
    sheet = workbook.add_worksheet(labels.get("sheet", "Debt")[:31])
    sheet.set_column(0, 0, 30)
    sheet.set_column(1, 2, 12)
    sheet.set_column(3, 4, 15)
    sheet.set_column(5, 6, 12)
    sheet.write(0, 0, labels["title"], styles["title"])
    heads = [
        labels[key]
        for key in (
            "document",
            "date",
            "due_date",
            "amount",
            "residual",
            "days_overdue",
            "bucket",
        )
    ]
    for col, head in enumerate(heads):
        sheet.write(2, col, head, styles["head"])
    row = 3
    for item in report.items:
        sheet.write(row, 0, item.reference, styles["cell"])
        sheet.write_datetime(row, 1, item.date, styles["date"])
        sheet.write_datetime(row, 2, item.due_date, styles["date"])
        sheet.write_number(row, 3, float(item.amount), styles["money"])
        sheet.write_number(row, 4, float(item.residual), styles["money"])
        sheet.write_number(row, 5, item.days_overdue, styles["cell"])
        sheet.write(row, 6, labels["buckets"][item.bucket], styles["cell"])
        row += 1
    row += 1
    for key, amount in report.buckets().items():
        sheet.write(row, 0, labels["buckets"][key], styles["bold"])
        sheet.write_number(row, 4, float(amount), styles["money_bold"])
        row += 1
    totals = [
        (labels["unallocated"], report.unallocated),
        (labels["total"], report.total),
        (labels["overdue"], report.overdue),
    ]
    if report.credit_limit is not None:
        totals += [
            (labels["credit_limit"], report.credit_limit),
            (labels["credit_left"], report.credit_left),
        ]
    for label, amount in totals:
        sheet.write(row, 0, label, styles["bold"])
        sheet.write_number(row, 4, float(amount), styles["money_bold"])
        row += 1
    workbook.close()
    return stream.getvalue()
