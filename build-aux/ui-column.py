#!/usr/bin/env python3
# ui-column.py — prints the XML of GtkColumnView columns whose cells show one
# string property of an item type: used to write the column views in ui/.
# Usage: ui-column.py ItemType key:property:Title[:numeric][:expand] ...
import sys

CELL = """<?xml version="1.0" encoding="UTF-8"?>
<interface>
  <template class="GtkListItem">
    <property name="child">
      <object class="GtkLabel">
        <property name="xalign">{xalign}</property>
        <property name="ellipsize">end</property>{style}
        <binding name="label">
          <lookup name="{prop}" type="{item}">
            <lookup name="item">GtkListItem</lookup>
          </lookup>
        </binding>
      </object>
    </property>
  </template>
</interface>
"""

def column(item, spec):
    parts = spec.split(":")
    key, prop, title = parts[:3]
    flags = parts[3:]
    numeric = "numeric" in flags
    style = "\n        <style><class name=\"numeric\"/></style>" if numeric else ""
    cell = CELL.format(xalign="1" if numeric else "0", style=style, prop=prop, item=item)
    sorter = ""
    if key != "-":
        sorter = f"""
            <property name="sorter">
              <object class="BoColumnSorter">
                <property name="key">{key}</property>
              </object>
            </property>"""
    expand = "\n            <property name=\"expand\">true</property>" if "expand" in flags else ""
    return f"""        <child>
          <object class="GtkColumnViewColumn">
            <property name="title" translatable="yes">{title}</property>
            <property name="resizable">true</property>{expand}{sorter}
            <property name="factory">
              <object class="GtkBuilderListItemFactory">
                <property name="bytes"><![CDATA[
{cell}]]></property>
              </object>
            </property>
          </object>
        </child>"""

item = sys.argv[1]
print("\n".join(column(item, s) for s in sys.argv[2:]))
